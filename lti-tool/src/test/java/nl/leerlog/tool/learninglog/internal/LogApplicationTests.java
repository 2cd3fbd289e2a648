package nl.leerlog.tool.learninglog.internal;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.MultipartForm;

/** Learning-log page tests over HTTP: launched people who send the moment form as the browser does. */
abstract class LogApplicationTests extends LaunchedCourseTests {

    private static final Pattern MOMENT_URL = Pattern.compile("/student/log/(\\d+)");

    /** The moment form sent as htmx sends it; the page it answers with, after the redirect of a save. */
    static HttpResponse<String> send(LaunchedUser user, String path, MultipartForm form) {
        return shown(user, posted(user, path, form));
    }

    private static HttpResponse<String> posted(LaunchedUser user, String path, MultipartForm form) {
        return user.browser()
                .send(user.request(path)
                        .header("Content-Type", form.contentType())
                        .POST(form.publisher()));
    }

    /**
     * The page htmx shows for an answer: a redirect after a change is followed the way the browser's request
     * follows it, as a GET with the page's session header; any other answer is shown as it is.
     */
    static HttpResponse<String> shown(LaunchedUser user, HttpResponse<String> answer) {
        if (answer.statusCode() != 302 && answer.statusCode() != 303) {
            return answer;
        }
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        return user.get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
    }

    /** Saves a moment through the form and returns its id, from the page the save redirects to. */
    static long saveMoment(LaunchedUser user, MultipartForm form) {
        HttpResponse<String> saved = posted(user, "/student/log", form);
        if (saved.statusCode() != 302) {
            throw new IllegalStateException("not saved: " + saved.statusCode() + " " + saved.body());
        }
        Matcher url = MOMENT_URL.matcher(
                URI.create(saved.headers().firstValue("Location").orElseThrow()).getRawPath());
        if (!url.matches()) {
            throw new IllegalStateException("no moment URL");
        }
        return Long.parseLong(url.group(1));
    }
}
