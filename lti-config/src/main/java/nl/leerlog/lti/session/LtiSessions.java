package nl.leerlog.lti.session;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.leerlog.lti.claims.LaunchClaimsReader;
import nl.leerlog.lti.claims.LtiLaunch;
import nl.leerlog.lti.launch.LaunchGrant;
import nl.leerlog.lti.launch.LtiAuthenticationToken;
import nl.leerlog.lti.launch.LtiLaunchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * Starts and finds launched sessions. The session token travels two ways: an HttpOnly
 * {@code SameSite=None; Secure; Partitioned} cookie where the browser keeps it, and a page-bound header
 * ({@value #HEADER}) that the pages send with every request where it does not. Either is enough; the
 * tool never depends on an unpartitioned third-party cookie.
 */
public class LtiSessions {

    public static final String COOKIE = "LTISESSION";
    public static final String HEADER = "X-Lti-Session";
    /** Request attribute holding the session token, for pages that must bind it. */
    public static final String TOKEN_ATTRIBUTE = LtiSessions.class.getName() + ".token";
    private static final String RESOLVED_ATTRIBUTE = LtiSessions.class.getName() + ".resolved";
    private static final Duration TOUCH_AFTER = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(LtiSessions.class);

    private final LtiSessionStore store;
    private final Clock clock;
    private final Duration ttl;

    public LtiSessions(LtiSessionStore store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A session found for a request: its token and the authentication it carries. */
    public record Resolved(String token, LtiSession session, LtiAuthenticationToken authentication) {
    }

    /**
     * Starts a new session for a validated launch, always with a new token, so no token known before the
     * launch carries its identity (no session fixation). Sessions of earlier launches stay valid for the
     * tabs that hold them, until they expire.
     */
    public Resolved start(HttpServletRequest request, HttpServletResponse response, LtiLaunch launch,
            LaunchGrant grant) {
        String token = SecureTokens.random();
        LtiSession session = new LtiSession(launch.registrationId(), launch.clientId(), launch.rawClaims(),
                grant.authorities(), grant.attributes(), SecureTokens.random(), clock.instant().plus(ttl));
        store.save(SecureTokens.sha256(token), session);
        LtiCookies.set(response, COOKIE, token, ttl, true);
        Resolved resolved = new Resolved(token, session, authentication(launch, session));
        request.setAttribute(RESOLVED_ATTRIBUTE, resolved);
        request.setAttribute(TOKEN_ATTRIBUTE, token);
        return resolved;
    }

    /**
     * The session of this request: the page-bound header's when the page sends one, else the cookie's. The
     * header decides when present, so two tabs launched from two courses each stay in their own course,
     * while the cookie holds the newest launch.
     */
    public Optional<Resolved> resolve(HttpServletRequest request) {
        Object cached = request.getAttribute(RESOLVED_ATTRIBUTE);
        if (cached instanceof Resolved resolved) {
            return Optional.of(resolved);
        }
        String header = request.getHeader(HEADER);
        Optional<Resolved> resolved = header != null && !header.isBlank() ? load(header)
                : load(LtiCookies.read(request, COOKIE));
        resolved.ifPresent(r -> {
            request.setAttribute(RESOLVED_ATTRIBUTE, r);
            request.setAttribute(TOKEN_ATTRIBUTE, r.token());
        });
        return resolved;
    }

    private Optional<Resolved> load(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = SecureTokens.sha256(token);
        Optional<LtiSession> found = store.find(hash);
        Instant now = clock.instant();
        if (found.isEmpty() || !now.isBefore(found.get().expiresAt())) {
            return Optional.empty();
        }
        LtiSession session = found.get();
        if (session.expiresAt().minus(ttl).plus(TOUCH_AFTER).isBefore(now)) {
            store.touch(hash, now.plus(ttl));
        }
        try {
            LtiLaunch launch = LaunchClaimsReader.read(session.registrationId(), session.clientId(),
                    JWTClaimsSet.parse(session.claimsJson()));
            return Optional.of(new Resolved(token, session, authentication(launch, session)));
        } catch (ParseException | LtiLaunchException e) {
            log.warn("Stored LTI session can no longer be read; treating it as absent", e);
            return Optional.empty();
        }
    }

    /** Ends the request's session everywhere. */
    public void end(HttpServletRequest request, HttpServletResponse response) {
        resolve(request).ifPresent(r -> store.delete(SecureTokens.sha256(r.token())));
        request.removeAttribute(RESOLVED_ATTRIBUTE);
        request.removeAttribute(TOKEN_ATTRIBUTE);
        LtiCookies.clear(response, COOKIE);
    }

    private static LtiAuthenticationToken authentication(LtiLaunch launch, LtiSession session) {
        return new LtiAuthenticationToken(launch,
                AuthorityUtils.createAuthorityList(session.authorities().toArray(String[]::new)),
                session.attributes());
    }
}
