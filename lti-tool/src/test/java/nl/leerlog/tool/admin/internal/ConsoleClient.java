package nl.leerlog.tool.admin.internal;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leerlog.lti.testing.LaunchClient;
import org.springframework.web.util.HtmlUtils;

/** A browser stand-in for the admin console: its own cookie jar, redirects not followed, forms posted with their CSRF token. */
final class ConsoleClient {

    static final String DEV_ADMIN = "admin";
    static final String DEV_PASSWORD = "leerlog-dev";
    private static final Pattern CSRF = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"");

    private final LaunchClient browser;

    ConsoleClient(String baseUrl) {
        this.browser = new LaunchClient(baseUrl);
    }

    Map<String, String> cookies() {
        return browser.cookies();
    }

    HttpResponse<String> get(String path) {
        return browser.get(path);
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        return browser.get(path, headers);
    }

    /** Posts a form as the page at {@code formPage} would: with that page's CSRF token. */
    HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken(get(formPage).body()));
        return browser.post(action, withToken);
    }

    /** Posts a form without any CSRF token, as a forged cross-site form would. */
    HttpResponse<String> postWithoutCsrf(String action, Map<String, String> fields) {
        return browser.post(action, fields);
    }

    /** Posts a raw form body (for repeated fields such as checkboxes) with the CSRF token of {@code formPage}. */
    HttpResponse<String> submitRaw(String formPage, String action, String formBody) {
        String token = csrfToken(get(formPage).body());
        return browser.send(HttpRequest.newBuilder(URI.create(browser.toolBaseUrl() + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody + "&_csrf=" + token)));
    }

    HttpResponse<String> login(String username, String password) {
        return submit("/admin/login", "/admin/login", Map.of("username", username, "password", password));
    }

    /** A login through a proxy that says it forwards for {@code forwardedFor}. */
    HttpResponse<String> loginFrom(String forwardedFor, String username, String password) {
        String token = csrfToken(get("/admin/login").body());
        return browser.send(HttpRequest.newBuilder(URI.create(browser.toolBaseUrl() + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(
                        LaunchClient.form(Map.of("username", username, "password", password, "_csrf", token)))));
    }

    ConsoleClient loggedInAsDevAdmin() {
        HttpResponse<String> response = login(DEV_ADMIN, DEV_PASSWORD);
        if (response.statusCode() != 302 || !location(response).endsWith("/admin/registrations")) {
            throw new IllegalStateException("admin login failed: " + response.statusCode() + " " + location(response));
        }
        return this;
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return HtmlUtils.htmlUnescape(matcher.group(1));
    }

    /** The page's text as a reader sees it: entities decoded. */
    static String text(HttpResponse<String> response) {
        return HtmlUtils.htmlUnescape(response.body());
    }
}
