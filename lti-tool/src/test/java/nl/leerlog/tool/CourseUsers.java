package nl.leerlog.tool;

import com.microsoft.playwright.options.Cookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.leerlog.lti.claims.LtiClaims;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.TestPlatform;

/**
 * The people an ownership test needs, each launched through the real LTI flow into a browser of their own: a
 * student (the owner), a teacher of the same course, a teacher of another course and a student of another course.
 * Every call gives a course of its own, so tests sharing one application do not see each other's data.
 */
public record CourseUsers(
        LaunchedUser student, LaunchedUser teacher, LaunchedUser otherTeacher, LaunchedUser otherStudent) {

    /** Launches the four people from {@code platform} into the tool at {@code toolBaseUrl}. */
    public static CourseUsers launch(TestPlatform platform, String toolBaseUrl) {
        String course = "course-" + UUID.randomUUID();
        String otherCourse = "course-" + UUID.randomUUID();
        return new CourseUsers(
                LaunchedUser.launch(platform, toolBaseUrl, course, TestPlatform.LEARNER, "en"),
                LaunchedUser.launch(platform, toolBaseUrl, course, TestPlatform.INSTRUCTOR, "en"),
                LaunchedUser.launch(platform, toolBaseUrl, otherCourse, TestPlatform.INSTRUCTOR, "en"),
                LaunchedUser.launch(platform, toolBaseUrl, otherCourse, TestPlatform.LEARNER, "en"));
    }

    /** Everyone who must get "not found" for the student's records. */
    public List<LaunchedUser> strangers() {
        return List.of(teacher, otherTeacher, otherStudent);
    }

    /**
     * One launched person with their browser: requests carry the session cookie and, like htmx, the page-bound
     * session token and the CSRF token of the launch page.
     */
    public record LaunchedUser(
            String subject, String contextId, LaunchClient browser, String sessionToken, String csrfToken) {

        private static final Pattern SESSION = Pattern.compile("name=\"lti-session\" content=\"([^\"]+)\"");
        private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

        /** Launches a new person with {@code role} into the course {@code contextId}, in {@code locale}. */
        public static LaunchedUser launch(
                TestPlatform platform, String toolBaseUrl, String contextId, String role, String locale) {
            String subject = "user-" + UUID.randomUUID();
            LaunchClient browser = new LaunchClient(toolBaseUrl);
            HttpResponse<String> page = browser.fullLaunch(
                    platform,
                    claims -> claims.subject(subject)
                            .claim("locale", locale)
                            .claim(LtiClaims.LAUNCH_PRESENTATION, Map.of("document_target", "iframe", "locale", locale))
                            .claim(LtiClaims.CONTEXT, Map.of("id", contextId, "title", "Stage " + contextId))
                            .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "link-" + contextId))
                            .claim(LtiClaims.ROLES, List.of(role)));
            if (page.statusCode() != 200) {
                throw new IllegalStateException("launch refused: " + page.statusCode() + " " + page.body());
            }
            return new LaunchedUser(subject, contextId, browser, find(SESSION, page.body()), find(CSRF, page.body()));
        }

        private static String find(Pattern pattern, String page) {
            Matcher matcher = pattern.matcher(page);
            if (!matcher.find()) {
                throw new IllegalStateException("the launch page has no " + pattern);
            }
            return matcher.group(1);
        }

        public HttpResponse<String> get(String path) {
            return browser.send(request(path).GET());
        }

        /** A form post, as a boosted htmx form sends it. */
        public HttpResponse<String> post(String path, Map<String, String> params) {
            return browser.send(request(path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(LaunchClient.form(params))));
        }

        /** A form post with repeated fields (ticked checkboxes), each given as {@code name=value}. */
        public HttpResponse<String> post(String path, List<String> fields) {
            String body = fields.stream()
                    .map(field -> {
                        int eq = field.indexOf('=');
                        return field.substring(0, eq) + "="
                                + URLEncoder.encode(field.substring(eq + 1), StandardCharsets.UTF_8);
                    })
                    .collect(Collectors.joining("&"));
            return browser.send(request(path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** This person's session cookies for a Playwright window on {@code toolBaseUrl}, to take over the launch. */
        public List<Cookie> browserCookies(String toolBaseUrl) {
            return browser.cookies().entrySet().stream()
                    .map(cookie -> new Cookie(cookie.getKey(), cookie.getValue())
                            .setUrl(toolBaseUrl)
                            .setSecure(true))
                    .toList();
        }

        /** A request with the headers htmx adds; for bodies of other kinds (multipart) or other methods. */
        public HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(browser.toolBaseUrl() + path))
                    .header("X-Lti-Session", sessionToken)
                    .header("X-CSRF-TOKEN", csrfToken)
                    .header("HX-Request", "true");
        }
    }
}
