package nl.leerlog.tool.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.internal.TestClockConfiguration;
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.internship.Internships;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The dashboard as days pass on the application's clock: a snooze runs out and the intern comes back by itself. */
@Import(TestClockConfiguration.class)
class UrgencyClockTests extends LaunchedCourseTests {

    @Autowired
    MovableClock clock;

    @Autowired
    InternshipTeachers links;

    @Autowired
    Internships internships;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aSnoozedInternComesBackOnTheDayTheSnoozeEnds() {
        CourseUsers users = launchCourse();
        long course = courseIdOf(users.student());
        long student = userIdOf(users.student());
        links.link(course, List.of(student), userIdOf(users.teacher()), Instant.now());
        LocalDate today = LocalDate.ofInstant(clock.instant(), Urgency.ZONE);
        internships.save(
                course,
                student,
                new Internship("Zorggroep De Linde", null, null, today.minusWeeks(5), today.plusWeeks(15), null),
                student);
        // Launches and sessions are checked against the clock, so the snooze is set two days back in time and the
        // clock then returns to today: the days in between pass as they would.
        clock.advance(Duration.ofDays(-2));
        LocalDate then = LocalDate.ofInstant(clock.instant(), Urgency.ZONE);
        assertThat(users.teacher()
                        .post(
                                "/teacher/students/" + student + "/snooze",
                                Map.of("until", then.plusDays(2).toString(), "note", "On leave"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(UrgencyPageTests.rows(
                        users.teacher().get("/teacher/dashboard").body()))
                .containsExactly(student + ":grey");

        clock.advance(Duration.ofDays(1));
        assertThat(UrgencyPageTests.rows(
                        users.teacher().get("/teacher/dashboard").body()))
                .containsExactly(student + ":grey");

        clock.reset();
        String back = users.teacher().get("/teacher/dashboard").body();
        assertThat(UrgencyPageTests.rows(back)).containsExactly(student + ":red");
        assertThat(back).doesNotContain("On leave").contains("Never asked a question");
        assertThat(users.teacher().get("/teacher/students/" + student).body()).doesNotContain("On leave");
    }
}
