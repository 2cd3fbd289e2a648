package nl.leerlog.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The four people of an ownership test land where their role takes them, each in their own course. */
class CourseUsersTests extends LaunchedCourseTests {

    @Test
    void studentsAndTeachersOfTwoCoursesEachHaveASessionOfTheirOwn() {
        CourseUsers users = launchCourse();

        assertThat(users.student().get("/api/me").body())
                .contains("STUDENT", users.student().contextId());
        assertThat(users.teacher().get("/api/me").body())
                .contains("TEACHER", users.student().contextId());
        assertThat(users.otherTeacher().get("/api/me").body())
                .contains("TEACHER")
                .doesNotContain(users.student().contextId());
        assertThat(users.otherStudent().get("/api/me").body())
                .contains("STUDENT")
                .doesNotContain(users.student().contextId());
        assertThat(users.strangers()).hasSize(3).doesNotContain(users.student());
    }
}
