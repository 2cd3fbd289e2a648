package nl.leerlog.lti.session;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Cookies that still work inside the LMS iframe: {@code SameSite=None; Secure} so the platform's
 * cross-site form POST carries them, and {@code Partitioned} (CHIPS) so browsers that block third-party
 * cookies keep them in a jar of their own per LMS site.
 */
public final class LtiCookies {

    private LtiCookies() {}

    public static void set(HttpServletResponse response, String name, String value, Duration maxAge, boolean httpOnly) {
        ResponseCookie cookie = ResponseCookie.from(name, value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(httpOnly)
                .secure(true)
                .sameSite("None")
                .partitioned(true)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    public static void clear(HttpServletResponse response, String name) {
        set(response, name, "", Duration.ZERO, true);
    }

    public static String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
