package nl.leerlog.tool.learninglog.internal;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.MultipartForm;

/** Learning-log page tests over HTTP: launched people who send the moment form as the browser does. */
abstract class LogApplicationTests extends LaunchedCourseTests {

    private static final Pattern MOMENT_URL = Pattern.compile("/student/log/(\\d+)");

    static HttpResponse<String> send(LaunchedUser user, String path, MultipartForm form) {
        return user.browser()
                .send(user.request(path)
                        .header("Content-Type", form.contentType())
                        .POST(form.publisher()));
    }

    /** Saves a moment through the form and returns its id, from the URL htmx is told to show. */
    static long saveMoment(LaunchedUser user, MultipartForm form) {
        HttpResponse<String> saved = send(user, "/student/log", form);
        if (saved.statusCode() != 200) {
            throw new IllegalStateException("not saved: " + saved.statusCode() + " " + saved.body());
        }
        Matcher url =
                MOMENT_URL.matcher(saved.headers().firstValue("HX-Push-Url").orElseThrow());
        if (!url.matches()) {
            throw new IllegalStateException("no moment URL");
        }
        return Long.parseLong(url.group(1));
    }
}
