package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.tool.analytics.internal.AnalyticsRows.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.guidance.ItemSnapshot;
import nl.leerlog.tool.guidance.ShareableRecords;
import nl.leerlog.tool.identity.Owner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Kept charts (dated copies) and check-ins as Saved items and as items a student may attach to a question. */
class ShareableInsightsTests extends LaunchedCourseTests {

    @Autowired
    List<ShareableRecords> shareable;

    CourseUsers users;
    LaunchedUser student;
    Owner owner;

    @BeforeEach
    void launched() {
        users = launchCourse();
        student = users.student();
        owner = ownerOf(student);
        new AnalyticsRows(db).moment(owner, today(), 90, null, false);
    }

    ShareableRecords kind(String kind) {
        return shareable.stream()
                .filter(records -> records.kind().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aKeptChartIsADatedCopyInSavedThatCanBeAttachedToAQuestion() {
        String location = redirectOf(student.post("/student/insights/charts/weeks/keep", Map.of()));
        assertThat(location).startsWith("/student/saved?added=");
        assertThat(student.get(location).body())
                .contains(">Chart<", "Learning moments and time per week (" + today() + ")");

        new AnalyticsRows(db).moment(owner, today(), 30, null, false);
        var item = kind("chart").shareable(owner).getFirst();
        ItemSnapshot copy =
                kind("chart").snapshot(owner, item.id(), Locale.ENGLISH).orElseThrow();

        assertThat(copy.date()).isEqualTo(today());
        assertThat(copy.parts())
                .extracting(ItemSnapshot.Part::body)
                .anySatisfy(body -> assertThat(body).contains("One learning moment and 1.5 hours over"))
                .anySatisfy(body -> assertThat(body).startsWith("Week | Learning moments | Hours\n"));
        assertThat(item.title()).isEqualTo("Learning moments and time per week");
        assertThat(item.key()).isEqualTo("chart:" + item.id());
        Owner classmate = ownerOf(classmateOf(student));
        assertThat(kind("chart").snapshot(classmate, item.id(), Locale.ENGLISH)).isEmpty();
        assertThat(kind("chart").shareable(classmate)).isEmpty();
    }

    @Test
    void aCheckInIsSharedOnlyAsTheStudentAttachesIt() {
        student.post("/student/insights/checkin", Map.of("mood", "2", "workload", "5", "energy", "1", "note", "Tired"));

        var item = kind("checkin").shareable(owner).getFirst();
        ItemSnapshot copy =
                kind("checkin").snapshot(owner, item.id(), Locale.ENGLISH).orElseThrow();

        assertThat(copy.title()).startsWith("Check-in of the week of ");
        assertThat(copy.parts())
                .extracting(ItemSnapshot.Part::headingKey, ItemSnapshot.Part::body)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("checkin.mood", "2 / 5"),
                        org.assertj.core.groups.Tuple.tuple("checkin.workload", "5 / 5"),
                        org.assertj.core.groups.Tuple.tuple("checkin.energy", "1 / 5"),
                        org.assertj.core.groups.Tuple.tuple("checkin.part.note", "Tired"));
        assertThat(kind("checkin").snapshot(ownerOf(classmateOf(student)), item.id(), Locale.ENGLISH))
                .isEmpty();
    }

    @Test
    void aChartThatDoesNotExistIsNotFound() {
        assertThat(student.post("/student/insights/charts/nonsense/keep", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(student.post("/student/insights/charts/weeks/keep", Map.of("from", "soon"))
                        .statusCode())
                .isEqualTo(400);
    }
}
