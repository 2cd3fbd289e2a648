package nl.leerlog.tool.programme;

import static nl.leerlog.tool.db.Tables.COURSE;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import org.jooq.DSLContext;

/** Requests a page test sends beyond a simple form post, and the course a launched user got. */
public final class Requests {

    private Requests() {
    }

    /** A form post with the body as given, e.g. with a repeated field. */
    public static HttpResponse<String> postForm(LaunchedUser user, String path, String body) {
        return user.browser().send(user.request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart post of one file, as a boosted upload form sends it. */
    public static HttpResponse<String> upload(LaunchedUser user, String path, String field, String fileName,
            byte[] content) {
        String boundary = "----leerlog" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return user.browser().send(user.request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public static long courseId(DSLContext db, LaunchedUser user) {
        return db.select(COURSE.ID).from(COURSE).where(COURSE.CONTEXT_ID.eq(user.contextId())).fetchSingle(COURSE.ID);
    }
}
