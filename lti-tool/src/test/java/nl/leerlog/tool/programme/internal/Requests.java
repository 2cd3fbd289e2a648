package nl.leerlog.tool.programme.internal;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.MultipartForm;

/** Requests a page test sends beyond a simple form post. */
public final class Requests {

    private Requests() {}

    /** A form post with the body as given, e.g. with a repeated field. */
    public static HttpResponse<String> postForm(LaunchedUser user, String path, String body) {
        return user.browser()
                .send(user.request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart post of one file, as a boosted upload form sends it. */
    public static HttpResponse<String> upload(
            LaunchedUser user, String path, String field, String fileName, byte[] content) {
        MultipartForm form = new MultipartForm().file(field, fileName, "text/csv", content);
        return user.browser()
                .send(user.request(path)
                        .header("Content-Type", form.contentType())
                        .POST(form.publisher()));
    }
}
