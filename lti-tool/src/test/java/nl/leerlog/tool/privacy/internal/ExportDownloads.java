package nl.leerlog.tool.privacy.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.tool.CourseUsers.LaunchedUser;

/** A download as the page's script fetches it: the person's cookies and session token, the body as asked for. */
final class ExportDownloads {

    private static final HttpClient HTTP = LaunchClient.httpClient().build();

    private ExportDownloads() {}

    static <T> HttpResponse<T> get(LaunchedUser person, String path, HttpResponse.BodyHandler<T> body) {
        var request = person.request(path).timeout(Duration.ofMinutes(2)).GET();
        String cookies = person.browser().cookies().entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        try {
            return HTTP.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
