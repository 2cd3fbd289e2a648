package nl.leerlog.lti.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Keeps the CSRF token in the launched session (no HTTP session, no extra cookie), so every form and
 * htmx request of a session proves it came from the tool's own pages.
 */
public class LtiSessionCsrfTokenRepository implements CsrfTokenRepository {

    public static final String HEADER = "X-CSRF-TOKEN";
    public static final String PARAMETER = "_csrf";

    private final LtiSessions sessions;

    public LtiSessionCsrfTokenRepository(LtiSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return new DefaultCsrfToken(HEADER, PARAMETER, SecureTokens.random());
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        // The token is created with the session and lives as long as it does.
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return sessions.resolve(request)
                .map(r -> (CsrfToken)
                        new DefaultCsrfToken(HEADER, PARAMETER, r.session().csrfToken()))
                .orElse(null);
    }
}
