package nl.leerlog.lti.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.leerlog.lti.launch.FrameAncestors;
import nl.leerlog.lti.session.LtiSessions;
import org.springframework.security.web.header.HeaderWriter;

/**
 * Writes the application's CSP with the {@code frame-ancestors} of the request's launched session, or the
 * open one of pages that belong to no session (see {@link FrameAncestors}).
 */
public class ContentSecurityPolicyWriter implements HeaderWriter {

    private final String basePolicy;

    public ContentSecurityPolicyWriter(String basePolicy) {
        this.basePolicy = basePolicy;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader("Content-Security-Policy")) {
            String frameAncestors = LtiSessions.current(request)
                    .map(resolved -> resolved.session().frameAncestors())
                    .orElse(FrameAncestors.BEFORE_LAUNCH);
            response.setHeader("Content-Security-Policy", basePolicy + "; " + frameAncestors);
        }
    }
}
