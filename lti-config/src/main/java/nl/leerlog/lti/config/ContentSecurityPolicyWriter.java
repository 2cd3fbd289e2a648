package nl.leerlog.lti.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/** Writes the application's CSP with {@code frame-ancestors} limited to the registered platforms. */
public class ContentSecurityPolicyWriter implements HeaderWriter {

    private final String basePolicy;
    private final FrameAncestors frameAncestors;

    public ContentSecurityPolicyWriter(String basePolicy, FrameAncestors frameAncestors) {
        this.basePolicy = basePolicy;
        this.frameAncestors = frameAncestors;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader("Content-Security-Policy")) {
            response.setHeader("Content-Security-Policy", basePolicy + "; " + frameAncestors.directive());
        }
    }
}
