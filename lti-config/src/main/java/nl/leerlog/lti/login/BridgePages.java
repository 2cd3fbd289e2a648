package nl.leerlog.lti.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The small pages between the platform's requests: they talk to platform storage or check cookies
 * with {@code /lti/bridge.js} (no inline script, so a strict CSP holds), and show "open in a new window"
 * when the browser leaves the tool no way to keep state inside the frame.
 */
public class BridgePages {

    private final MessageSource messages;

    public BridgePages(MessageSource messages) {
        this.messages = messages;
    }

    /** Login (Sec §5.1.1): store the binding in platform storage, then go on to the platform. */
    public void storeInPlatformStorage(
            HttpServletRequest request, HttpServletResponse response, LoginState state, String authorizationUrl)
            throws IOException {
        write(
                request,
                response,
                "store",
                Map.of(
                        "target", state.storageTarget(),
                        "origin", state.storageOrigin(),
                        "key", storageKey(state.state()),
                        "value", state.browserBinding(),
                        "next", authorizationUrl),
                "");
    }

    /** Login without platform storage, inside a frame: go on only if the frame keeps cookies. */
    public void checkCookies(
            HttpServletRequest request, HttpServletResponse response, String authorizationUrl, String newWindowUrl)
            throws IOException {
        write(request, response, "cookies", Map.of("next", authorizationUrl), newWindowBlock(request, newWindowUrl));
    }

    /** Launch without the binding cookie: fetch the binding from platform storage and post the launch again. */
    public void fetchFromPlatformStorage(
            HttpServletRequest request, HttpServletResponse response, LoginState state, String idToken)
            throws IOException {
        String form = "<form id=\"lti-relaunch\" method=\"post\" action=\"" + attr(request.getRequestURI()) + "\">"
                + hidden("id_token", idToken) + hidden("state", state.state())
                + hidden("lti_storage_binding", "") + hidden("lti_storage_attempted", "1") + "</form>";
        write(
                request,
                response,
                "fetch",
                Map.of(
                        "target", state.storageTarget(),
                        "origin", state.storageOrigin(),
                        "key", storageKey(state.state())),
                form);
    }

    public static String storageKey(String state) {
        return "lti_state_" + state;
    }

    private String newWindowBlock(HttpServletRequest request, String newWindowUrl) {
        Locale locale = request.getLocale();
        return "<div id=\"lti-blocked\" hidden><p>"
                + text(
                        "lti.bridge.cookies-blocked",
                        locale,
                        "Your browser does not let the tool keep you signed in inside this page.")
                + "</p><p><a class=\"lti-button\" target=\"_blank\" rel=\"noopener\" href=\"" + attr(newWindowUrl)
                + "\">"
                + text("lti.bridge.open-new-window", locale, "Open in a new window") + "</a></p></div>";
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            String mode,
            Map<String, String> data,
            String body)
            throws IOException {
        Locale locale = request.getLocale();
        StringBuilder attributes = new StringBuilder();
        data.forEach((name, value) -> attributes
                .append(" data-")
                .append(name)
                .append("=\"")
                .append(attr(value))
                .append('"'));
        String title = text("lti.bridge.opening", locale, "Opening the tool…");
        String html = "<!DOCTYPE html><html lang=\"" + attr(locale.getLanguage()) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"/lti/bridge.css\"></head><body>"
                + "<main id=\"lti-bridge\" data-mode=\"" + mode + "\"" + attributes + ">"
                + "<p id=\"lti-progress\" role=\"status\">" + HtmlUtils.htmlEscape(title) + "</p>" + body
                + "<noscript><p>" + text("lti.bridge.noscript", locale, "Please turn on JavaScript to open the tool.")
                + "</p></noscript></main><script src=\"/lti/bridge.js\"></script></body></html>";
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(html);
    }

    private String text(String key, Locale locale, String fallback) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, fallback, locale));
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + attr(value) + "\">";
    }

    private static String attr(String value) {
        return HtmlUtils.htmlEscape(value == null ? "" : value, StandardCharsets.UTF_8.name());
    }
}
