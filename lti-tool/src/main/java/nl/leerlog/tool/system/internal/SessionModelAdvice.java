package nl.leerlog.tool.system.internal;

import jakarta.servlet.http.HttpServletRequest;
import nl.leerlog.lti.session.LtiSessions;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the page-bound session token into every page, so that {@code app.js} can send it with each request
 * in browsers that keep no cookie inside the LMS frame.
 */
@ControllerAdvice
class SessionModelAdvice {

    @ModelAttribute("sessionToken")
    String sessionToken(HttpServletRequest request) {
        Object token = request.getAttribute(LtiSessions.TOKEN_ATTRIBUTE);
        return token instanceof String value ? value : null;
    }
}
