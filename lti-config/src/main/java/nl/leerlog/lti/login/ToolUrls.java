package nl.leerlog.lti.login;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/** The tool's own origin, from {@code lti.tool-url} or else from the request (behind a proxy: its forwarded headers). */
public class ToolUrls {

    private final URI configured;

    public ToolUrls(URI configured) {
        this.configured = configured;
    }

    public String origin(HttpServletRequest request) {
        if (configured != null) {
            return origin(configured);
        }
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** Whether a URI points at this tool: same scheme, host and port. */
    public boolean isOwn(String uri, HttpServletRequest request) {
        try {
            URI parsed = URI.create(uri);
            return parsed.isAbsolute()
                    && parsed.getHost() != null
                    && origin(parsed).equals(origin(request));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code scheme://host[:port]} of an absolute URI, lower case, default ports left out. */
    public static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
