package nl.leerlog.tool;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.COURSE;

import java.util.Locale;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Page tests of the learning log over HTTP, with people launched from one test platform. Subclasses share this
 * class's platform and so one application context: on a busy machine, one start-up for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StatementCounter.class)
public abstract class LaunchedCourseTests {

    /** Started once for every subclass and stopped with the test JVM, as the shared context outlives each class. */
    protected static final TestPlatform PLATFORM = TestPlatform.start();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PLATFORM::close));
    }

    @DynamicPropertySource
    static void registerPlatform(DynamicPropertyRegistry registry) {
        PLATFORM.properties(0).forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected DSLContext db;

    /** A student, a teacher of their course, and a teacher and a student of another course, all launched. */
    protected CourseUsers launchCourse() {
        return CourseUsers.launch(PLATFORM, "http://localhost:" + port);
    }

    /** One more person launched with {@code role} into the course {@code contextId}, in {@code locale}. */
    protected LaunchedUser launch(String contextId, String role, String locale) {
        return LaunchedUser.launch(PLATFORM, "http://localhost:" + port, contextId, role, locale);
    }

    /** Another student launched into the course of {@code student}, with a browser of their own. */
    protected LaunchedUser classmateOf(LaunchedUser student) {
        return launch(student.contextId(), TestPlatform.LEARNER, "en");
    }

    /** The id the tool gave a launched person. */
    protected long userIdOf(LaunchedUser person) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.ISSUER.eq(PLATFORM.issuer()).and(APP_USER.SUBJECT.eq(person.subject())))
                .fetchSingle(APP_USER.ID);
    }

    /** The id the tool gave the course a person was launched into. */
    protected long courseIdOf(LaunchedUser person) {
        return db.select(COURSE.ID)
                .from(COURSE)
                .where(COURSE.ISSUER.eq(PLATFORM.issuer()).and(COURSE.CONTEXT_ID.eq(person.contextId())))
                .fetchSingle(COURSE.ID);
    }

    /** A launched person as a request of theirs sees them, in {@code locale}. */
    protected CurrentUser asCurrentUser(LaunchedUser person, Locale locale) {
        return LearningLogRows.student(userIdOf(person), courseIdOf(person), locale);
    }

    /** The owner of a launched student's records, to write test rows for them. */
    protected Owner ownerOf(LaunchedUser student) {
        return Owner.of(asCurrentUser(student, Locale.ENGLISH));
    }

    /** Where a form post sent the browser: the path and query of its redirect. */
    protected static String redirectOf(java.net.http.HttpResponse<String> response) {
        org.assertj.core.api.Assertions.assertThat(response.statusCode())
                .as("a redirect")
                .isEqualTo(302);
        java.net.URI location =
                java.net.URI.create(response.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    /** Text as a page shows it: escaped the way Thymeleaf escapes {@code th:text}. */
    protected static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    protected LearningLogRows rows() {
        return new LearningLogRows(db);
    }
}
