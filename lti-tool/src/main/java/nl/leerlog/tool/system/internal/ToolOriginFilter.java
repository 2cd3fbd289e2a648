package nl.leerlog.tool.system.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import nl.leerlog.lti.config.LtiProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code lti.tool-url} set (production requires it), every request answers to that origin: scheme, host and
 * port come from the setting, never from the Host or X-Forwarded-Host header a client chose. So every absolute URL
 * the tool or a library builds from the request (a login redirect, single sign-on's {@code {baseUrl}}, the LTI tool
 * configuration) names the tool's real address. Without the setting (the dev profile) the request decides.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ToolOriginFilter extends OncePerRequestFilter {

    private final URI origin;

    ToolOriginFilter(LtiProperties lti) {
        this.origin = lti.toolUrl();
        if (origin != null && (origin.getScheme() == null || origin.getHost() == null)) {
            throw new IllegalStateException(
                    "lti.tool-url must be an absolute URL such as https://leerlog.example.edu," + " not " + origin);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return origin == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new AtToolOrigin(request, origin), response);
    }

    /** The request as if it had come to the configured origin. */
    private static final class AtToolOrigin extends HttpServletRequestWrapper {

        private final String scheme;
        private final String host;
        private final int port;

        AtToolOrigin(HttpServletRequest request, URI origin) {
            super(request);
            this.scheme = origin.getScheme().toLowerCase(Locale.ROOT);
            this.host = origin.getHost().toLowerCase(Locale.ROOT);
            this.port = origin.getPort() != -1 ? origin.getPort() : "https".equals(scheme) ? 443 : 80;
        }

        @Override
        public String getScheme() {
            return scheme;
        }

        @Override
        public boolean isSecure() {
            return "https".equals(scheme);
        }

        @Override
        public String getServerName() {
            return host;
        }

        @Override
        public int getServerPort() {
            return port;
        }

        @Override
        public StringBuffer getRequestURL() {
            boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
            return new StringBuffer(scheme)
                    .append("://")
                    .append(host)
                    .append(defaultPort ? "" : ":" + port)
                    .append(getRequestURI());
        }
    }
}
