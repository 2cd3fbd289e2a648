package nl.leerlog.tool;

import static org.assertj.core.api.Assertions.assertThat;

import nl.leerlog.lti.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The four people of an ownership test land where their role takes them, each in their own course. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CourseUsersTests {

    static final TestPlatform PLATFORM = TestPlatform.start();

    @DynamicPropertySource
    static void registerPlatform(DynamicPropertyRegistry registry) {
        PLATFORM.properties(0).forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopPlatform() {
        PLATFORM.close();
    }

    @LocalServerPort
    int port;

    @Test
    void studentsAndTeachersOfTwoCoursesEachHaveASessionOfTheirOwn() {
        CourseUsers users = CourseUsers.launch(PLATFORM, "http://localhost:" + port);

        assertThat(users.student().get("/api/me").body()).contains("STUDENT", users.student().contextId());
        assertThat(users.teacher().get("/api/me").body()).contains("TEACHER", users.student().contextId());
        assertThat(users.otherTeacher().get("/api/me").body()).contains("TEACHER").doesNotContain(users.student().contextId());
        assertThat(users.otherStudent().get("/api/me").body()).contains("STUDENT").doesNotContain(users.student().contextId());
        assertThat(users.strangers()).hasSize(3).doesNotContain(users.student());
    }
}
