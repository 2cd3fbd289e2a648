package nl.leerlog.tool.privacy.internal;

import static nl.leerlog.schema.Tables.PRIVACY_NOTICE_SEEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leerlog.lti.claims.LtiClaims;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import org.junit.jupiter.api.Test;

/**
 * A student learns on their first launch what Leerlog stores, why, who sees what and for how long, once; the menu's
 * Privacy page shows it again; the full statement is a page anyone can open, rendered from {@code privacy.md}.
 */
class PrivacyPagesTests extends LaunchedCourseTests {

    private static final String NOTICE = "data-privacy-notice";

    /** The LMS at the anonymous privacy level: the test platform's name and e-mail claims left out. */
    private static final Map<String, Object> NO_NAME_OR_EMAIL = nulls("name", "given_name", "family_name", "email");

    @Test
    void theFirstLaunchShowsTheExplanationOnceAndThePrivacyPageShowsItAgain() {
        CourseUsers users = launchCourse();
        LaunchedUser student = users.student();

        String reloaded = wholePage(student, "/student/log").body();
        HttpResponse<String> privacy = student.get("/student/privacy");

        assertThat(reloaded).doesNotContain(NOTICE);
        assertThat(db.fetchCount(
                        PRIVACY_NOTICE_SEEN,
                        PRIVACY_NOTICE_SEEN.USER_ID.eq(userIdOf(student)),
                        PRIVACY_NOTICE_SEEN.COURSE_ID.eq(courseIdOf(student))))
                .isEqualTo(1);
        assertThat(privacy.statusCode()).isEqualTo(200);
        assertThat(privacy.body())
                .contains("What Leerlog stores", "Who sees what", "How long", "undone for 30 days", "href=\"/privacy\"")
                .contains("aria-current=\"page\"");
    }

    @Test
    void theLaunchPageCarriesTheExplanationAndSaysHowANamelessStudentIsShown() {
        HttpResponse<String> launch = launchAs(TestPlatform.LEARNER, NO_NAME_OR_EMAIL);

        assertThat(launch.body())
                .contains(NOTICE, "Your privacy in Leerlog", "data-lms-fields=\"privacy.notice.lms.none\"")
                .contains(html("teachers see you as \"(no name shared by the LMS)\""));
    }

    @Test
    void aStudentWhoseLmsSharesNameAndEmailIsToldOnlyThoseAreStored() {
        HttpResponse<String> launch = launchAs(
                TestPlatform.LEARNER,
                Map.of("name", "Sanne de Vries", "email", "sanne@student.example.nl", "locale", "en"));

        assertThat(launch.body())
                .contains(NOTICE, "data-lms-fields=\"privacy.notice.lms.name-and-email\"")
                .doesNotContain("privacy.notice.lms.none");
    }

    @Test
    void aTeacherNeitherGetsTheExplanationNorTheStudentsPrivacyPage() {
        HttpResponse<String> launch = launchAs(TestPlatform.INSTRUCTOR, NO_NAME_OR_EMAIL);
        CourseUsers users = launchCourse();

        assertThat(launch.statusCode()).isEqualTo(200);
        assertThat(launch.body()).doesNotContain(NOTICE);
        assertThat(users.teacher().get("/student/privacy").statusCode()).isEqualTo(404);
    }

    @Test
    void theStatementIsOpenToAnyoneWithItsDataInventoryInEnglishAndInDutch() throws Exception {
        HttpClient anyone = HttpClient.newHttpClient();

        HttpResponse<String> english = anyone.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/privacy"))
                        .header("Accept-Language", "en")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> dutch = anyone.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/privacy"))
                        .header("Accept-Language", "nl-NL")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body())
                .contains("<h1>Privacy statement</h1>", "<h2>Data inventory</h2>", "<code>app_user</code>")
                .contains("<td><code>email</code></td>");
        assertThat(dutch.statusCode()).isEqualTo(200);
        assertThat(dutch.body()).contains("<h1>Privacyverklaring</h1>", "<h2>Wie ziet wat</h2>");
    }

    private static Map<String, Object> nulls(String... claims) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (String claim : claims) {
            map.put(claim, null);
        }
        map.put("locale", "en");
        return map;
    }

    /** A launch as a person of a course of their own, with the given claims on top (a name, an e-mail address). */
    private HttpResponse<String> launchAs(String role, Map<String, Object> person) {
        String contextId = "privacy-" + UUID.randomUUID();
        HttpResponse<String> launch = new LaunchClient("http://localhost:" + port).fullLaunch(PLATFORM, claims -> {
            claims.subject("user-" + UUID.randomUUID())
                    .claim(LtiClaims.CONTEXT, Map.of("id", contextId, "title", "Stage"))
                    .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "link-" + contextId))
                    .claim(LtiClaims.ROLES, List.of(role));
            person.forEach(claims::claim);
        });
        assertThat(launch.statusCode()).as("launch").isEqualTo(200);
        return launch;
    }

    /** The page as a browser loads it whole (a reload), not as htmx fetches a part of it. */
    private static HttpResponse<String> wholePage(LaunchedUser user, String path) {
        return user.browser()
                .send(HttpRequest.newBuilder(URI.create(user.browser().toolBaseUrl() + path))
                        .header("X-Lti-Session", user.sessionToken())
                        .GET());
    }
}
