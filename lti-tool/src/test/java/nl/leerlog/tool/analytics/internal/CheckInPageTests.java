package nl.leerlog.tool.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The weekly check-in over real launches: one a week, private to the student, shown as a small chart. */
class CheckInPageTests extends LaunchedCourseTests {

    CourseUsers users;
    LaunchedUser student;

    @BeforeEach
    void launched() {
        users = launchCourse();
        student = users.student();
    }

    @Test
    void aCheckInShowsInTheStudentsOwnChartAndASecondOneThatWeekReplacesIt() {
        assertThat(student.get("/student/insights").body())
                .contains("Your weekly check-in", "How is it going?", "No check-ins yet.");

        assertThat(redirectOf(student.post(
                        "/student/insights/checkin",
                        Map.of("mood", "2", "workload", "5", "energy", "2", "note", "Busy week at the ward"))))
                .isEqualTo("/student/insights");
        student.post("/student/insights/checkin", Map.of("mood", "3", "workload", "4", "energy", "2"));

        String page = student.get("/student/insights").body();
        assertThat(page)
                .contains("You checked in this week.")
                .contains("Your last check-in: going 3, workload 4, energy 2 (out of 5); one week shown.")
                .containsPattern(
                        "<td data-value=\"3.0\">3</td>\\s*<td data-value=\"4.0\">4</td>\\s*<td data-value=\"2.0\">2</td>")
                .contains("id=\"checkin-mood-3\" name=\"mood\" value=\"3\" checked=\"checked\"");
        assertThat(classmateOf(student).get("/student/insights").body())
                .contains("No check-ins yet.")
                .doesNotContain("Your last check-in");
    }

    @Test
    void anAnswerOffTheScaleOrAnOverlongLineIsRefused() {
        assertThat(student.post("/student/insights/checkin", Map.of("mood", "6", "workload", "3", "energy", "3"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(student.post("/student/insights/checkin", Map.of("workload", "3", "energy", "3"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(student.post(
                                "/student/insights/checkin",
                                Map.of("mood", "3", "workload", "3", "energy", "3", "note", "x".repeat(301)))
                        .statusCode())
                .isEqualTo(400);
        assertThat(users.teacher()
                        .post("/student/insights/checkin", Map.of("mood", "3", "workload", "3", "energy", "3"))
                        .statusCode())
                .isEqualTo(404);
    }
}
