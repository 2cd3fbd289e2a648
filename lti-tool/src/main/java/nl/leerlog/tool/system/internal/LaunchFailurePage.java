package nl.leerlog.tool.system.internal;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.lti.failure.LtiError;
import nl.leerlog.lti.failure.LtiFailureHandler;
import nl.leerlog.lti.failure.LtiLaunchException;
import nl.leerlog.tool.system.PageRenderer;
import nl.leerlog.tool.system.SupportedLocales;
import org.springframework.stereotype.Component;

/**
 * The page for a refused login or launch: what went wrong in the user's language, what to do next, and
 * the error id that an LMS admin finds in the log. Never a stack trace, and no session is left behind.
 */
@Component
record LaunchFailurePage(PageRenderer pages) implements LtiFailureHandler {

    @Override
    public void onFailure(
            HttpServletRequest request, HttpServletResponse response, LtiLaunchException failure, String errorId) {
        LtiError error = failure.error();
        pages.render(
                request,
                response,
                error.status(),
                "error/launch",
                Map.of(
                        "messageKey", failure.messageKey(),
                        "adviceKey", advice(error),
                        "errorId", errorId,
                        "errorCode", error.name()),
                locale(request));
    }

    /** What the user can do about it: try again, ask the LMS admin, or nothing but explain. */
    private static String advice(LtiError error) {
        return switch (error) {
            case STATE_EXPIRED,
                    STATE_UNKNOWN,
                    STATE_FOREIGN_BROWSER,
                    NONCE_MISMATCH,
                    TOKEN_EXPIRED,
                    PLATFORM_KEYS_UNAVAILABLE,
                    LAUNCH_NOT_POST -> "launch.advice.retry";
            case ACCESS_REFUSED -> "launch.advice.refused";
            default -> "launch.advice.admin";
        };
    }

    /**
     * The language of the page: the launch's own locale claim when an id_token came along (read without
     * trusting it; it only picks the language), else the browser's.
     */
    private static Locale locale(HttpServletRequest request) {
        String idToken = request.getParameter("id_token");
        if (idToken != null && idToken.length() < 65536) {
            try {
                Object locale = JWTParser.parse(idToken).getJWTClaimsSet().getClaim("locale");
                if (locale instanceof String tag && !tag.isBlank()) {
                    return SupportedLocales.fromClaim(tag);
                }
            } catch (ParseException | RuntimeException e) {
                // Not a readable token: the browser's language will do.
                return SupportedLocales.fromRequest(request);
            }
        }
        return SupportedLocales.fromRequest(request);
    }
}
