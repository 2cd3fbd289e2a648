package nl.leerlog.tool.identity.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** Reads what a launch test needs from the tool's pages: error code and text, landing role, tokens, bridge data. */
final class LaunchPages {

    private static final Pattern ERROR_CODE = Pattern.compile("data-error-code=\"([^\"]*)\"");
    private static final Pattern ERROR_REASON = Pattern.compile("<p class=\"error-reason\">(.*?)</p>", Pattern.DOTALL);
    private static final Pattern ERROR_ID = Pattern.compile("<p class=\"error-id\"><code>(.*?)</code>", Pattern.DOTALL);
    private static final Pattern LANGUAGE = Pattern.compile("<html[^>]*\\slang=\"([^\"]*)\"");
    private static final Pattern ROLE = Pattern.compile("<body[^>]*\\sdata-role=\"([^\"]*)\"");
    private static final Pattern SESSION_META = Pattern.compile("<meta name=\"lti-session\" content=\"([^\"]*)\"");
    private static final Pattern BRIDGE = Pattern.compile("<main id=\"lti-bridge\"([^>]*)>");
    private static final Pattern DATA_ATTRIBUTE = Pattern.compile("\\sdata-([a-z-]+)=\"([^\"]*)\"");
    private static final Pattern HIDDEN_INPUT =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    private LaunchPages() {}

    /** The refusal's code on the failure page ({@code <main data-error-code="...">}). */
    static Optional<String> errorCode(String html) {
        return first(ERROR_CODE, html);
    }

    /** The refusal's reason as the user reads it. */
    static Optional<String> errorReason(String html) {
        return first(ERROR_REASON, html).map(String::strip);
    }

    /** The line with the error id, e.g. "Error id: 7KQ2M9XA". */
    static Optional<String> errorIdLine(String html) {
        return first(ERROR_ID, html);
    }

    static Optional<String> language(String html) {
        return first(LANGUAGE, html);
    }

    /** The role the landing page was rendered for ({@code <body data-role="...">}). */
    static Optional<String> role(String html) {
        return first(ROLE, html);
    }

    /** The page-bound session token ({@code <meta name="lti-session">}). */
    static Optional<String> sessionToken(String html) {
        return first(SESSION_META, html);
    }

    /** The {@code data-*} attributes of a bridge page ({@code <main id="lti-bridge">}), unescaped. */
    static Map<String, String> bridgeData(String html) {
        Matcher bridge = BRIDGE.matcher(html);
        Map<String, String> data = new LinkedHashMap<>();
        if (bridge.find()) {
            Matcher attribute = DATA_ATTRIBUTE.matcher(bridge.group(1));
            while (attribute.find()) {
                data.put(attribute.group(1), HtmlUtils.htmlUnescape(attribute.group(2)));
            }
        }
        return data;
    }

    /** The hidden fields of the page's form, in order, unescaped: what the browser would post. */
    static Map<String, String> hiddenFields(String html) {
        Matcher input = HIDDEN_INPUT.matcher(html);
        Map<String, String> fields = new LinkedHashMap<>();
        while (input.find()) {
            fields.put(input.group(1), HtmlUtils.htmlUnescape(input.group(2)));
        }
        return fields;
    }

    /** The decoded query parameters of a URL. */
    static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String part : raw.split("&")) {
            String[] pair = part.split("=", 2);
            values.put(
                    URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                    pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static Optional<String> first(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        return matcher.find() ? Optional.of(HtmlUtils.htmlUnescape(matcher.group(1))) : Optional.empty();
    }
}
