package nl.leerlog.tool.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The teacher states when they answer; their students see it when they ask and in every thread. */
class TeacherAvailabilityPageTests extends LaunchedCourseTests {

    @Autowired
    InternshipTeachers links;

    CourseUsers users;

    @BeforeEach
    void aStudentLinkedToTheirInternshipTeacher() {
        users = launchCourse();
        links.link(
                courseIdOf(users.student()),
                List.of(userIdOf(users.student())),
                userIdOf(users.teacher()),
                Instant.now());
    }

    @Test
    void untilTheTeacherStatesItTheStudentSeesTheDefaultAndThatItIsOne() {
        assertThat(users.student().get("/student/guidance/new").body())
                .contains("Reads and answers on", "<strong>Monday</strong>", "<strong>Friday</strong>")
                .contains("within 3 working day(s).", "this is what Leerlog assumes until they do.");
    }

    @Test
    void theStudentSeesTheStatedDaysOnTheAskPageTheListAndTheThread() {
        HttpResponse<String> saved = users.teacher()
                .post(
                        "/teacher/profile",
                        List.of("days=TUESDAY", "days=THURSDAY", "workingDays=2", "note=Not during the May holidays."));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(users.teacher().get(redirectOf(saved)).body())
                .contains("Saved: your interns see this from now on.", "checked");

        String expected = "<strong>Tuesday</strong> and <strong>Thursday</strong>, within 2 working day(s).";
        assertThat(users.student().get("/student/guidance/new").body())
                .contains(expected, "Not during the May holidays.")
                .doesNotContain("Monday", "assumes until they do");
        assertThat(users.student().get("/student/guidance").body()).contains(expected);
        HttpResponse<String> asked = users.student()
                .post(
                        "/student/guidance/new",
                        List.of("title=Planning", "question=How do I plan?", "answerForm=WRITTEN"));
        String thread = URI.create(redirectOf(asked)).getPath();
        assertThat(users.student().get(thread).body()).contains(expected);
        assertThat(users.teacher().get(thread.replace("/student/", "/teacher/")).body())
                .contains(expected);
    }

    @Test
    void daysAndAWorkingDayCountAreNeededAndNothingElseIsSaved() {
        HttpResponse<String> noDays = users.teacher().post("/teacher/profile", List.of("workingDays=2"));
        HttpResponse<String> tooMany =
                users.teacher().post("/teacher/profile", List.of("days=MONDAY", "workingDays=11"));
        HttpResponse<String> notADay =
                users.teacher().post("/teacher/profile", List.of("days=FUNDAY", "workingDays=2"));
        HttpResponse<String> notANumber =
                users.teacher().post("/teacher/profile", List.of("days=MONDAY", "workingDays=two"));

        assertThat(noDays.statusCode()).isEqualTo(422);
        assertThat(noDays.body()).contains("Choose at least one day.");
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(tooMany.body()).contains("Give a number of working days from 1 to 10.", "value=\"11\"");
        assertThat(notADay.statusCode()).isEqualTo(422);
        assertThat(notANumber.statusCode()).isEqualTo(422);
        assertThat(users.teacher().get("/teacher/profile").body()).contains("assumes until they do");
    }

    @Test
    void studentsHaveNoTeacherProfile() {
        // Every teacher page is refused to a student before any controller runs.
        assertThat(users.student().get("/teacher/profile").statusCode()).isEqualTo(403);
        assertThat(users.student()
                        .post("/teacher/profile", List.of("days=MONDAY", "workingDays=1"))
                        .statusCode())
                .isEqualTo(403);
    }
}
