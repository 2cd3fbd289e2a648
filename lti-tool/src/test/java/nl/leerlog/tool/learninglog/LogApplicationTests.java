package nl.leerlog.tool.learninglog;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running application the learning-log page tests share: one test platform for the whole run, so every such
 * class has the same properties and Spring starts the application once. Uploads are limited to 64 KB here, so
 * "too large" needs no large test file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "leerlog.evidence.max-file-size=64KB")
abstract class LogApplicationTests {

    /** Started once and left to the JVM's exit: closing it after one class would break the shared application. */
    static final TestPlatform PLATFORM = TestPlatform.start();
    private static final Pattern MOMENT_URL = Pattern.compile("/student/log/(\\d+)");

    @DynamicPropertySource
    static void registerPlatform(DynamicPropertyRegistry registry) {
        PLATFORM.properties(0).forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;

    CourseUsers launch() {
        return CourseUsers.launch(PLATFORM, "http://localhost:" + port);
    }

    LaunchedUser classmateOf(LaunchedUser student) {
        return LaunchedUser.launch(PLATFORM, "http://localhost:" + port, student.contextId(), TestPlatform.LEARNER,
                "en");
    }

    long courseOf(LaunchedUser user) {
        return LogFixtures.courseId(db, user.contextId());
    }

    long userIdOf(LaunchedUser user) {
        return LogFixtures.userId(db, user.subject());
    }

    static HttpResponse<String> send(LaunchedUser user, String path, MultipartForm form) {
        return user.browser().send(user.request(path).header("Content-Type", form.contentType())
                .POST(form.publisher()));
    }

    /** Saves a moment through the form and returns its id, from the URL htmx is told to show. */
    static long saveMoment(LaunchedUser user, MultipartForm form) {
        HttpResponse<String> saved = send(user, "/student/log", form);
        if (saved.statusCode() != 200) {
            throw new IllegalStateException("not saved: " + saved.statusCode() + " " + saved.body());
        }
        Matcher url = MOMENT_URL.matcher(saved.headers().firstValue("HX-Push-Url").orElseThrow());
        if (!url.matches()) {
            throw new IllegalStateException("no moment URL");
        }
        return Long.parseLong(url.group(1));
    }
}
