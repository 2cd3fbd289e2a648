package nl.leerlog.lti.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.leerlog.lti.claims.LaunchClaimsReader;
import nl.leerlog.lti.claims.LtiLaunch;
import nl.leerlog.lti.failure.LtiLaunchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * Starts and finds launched sessions. The session token travels two ways: an HttpOnly
 * {@code SameSite=None; Secure; Partitioned} cookie where the browser keeps it, and a page-bound header
 * ({@value #HEADER}) that the pages send with every request where it does not. Either is enough; the
 * tool never depends on an unpartitioned third-party cookie.
 * <p>
 * A session slides with use up to an absolute lifetime. Each instance keeps the sessions it saw lately for a
 * few seconds, so the pages of one launch do not each read the store; ending a session removes it here at
 * once, and from the other instances' caches within that time.
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
    private final Duration maxLifetime;
    private final Cache<String, Loaded> recent;

    public LtiSessions(LtiSessionStore store, Clock clock, Duration ttl, Duration maxLifetime, Duration cacheTtl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
        this.maxLifetime = maxLifetime;
        // Bounded: a few seconds of sessions, even in a burst of launches (a parsed session is a few kilobytes). The
        // seconds are the application clock's, as every other time of a session.
        this.recent = Caffeine.newBuilder()
                .expireAfterWrite(cacheTtl)
                .maximumSize(20_000)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** A session found for a request: its token and the authentication it carries. */
    public record Resolved(String token, LtiSession session, LtiAuthenticationToken authentication) {}

    /**
     * Starts a new session for a validated launch, always with a new token, so no token known before the
     * launch carries its identity (no session fixation). Sessions of earlier launches stay valid for the
     * tabs that hold them, until they expire.
     */
    public Resolved start(
            HttpServletRequest request,
            HttpServletResponse response,
            LtiLaunch launch,
            LaunchGrant grant,
            String frameAncestors) {
        String token = SecureTokens.random();
        Instant now = clock.instant();
        LtiSession session = new LtiSession(
                launch.registration(),
                launch.rawClaims(),
                grant.authorities(),
                grant.attributes(),
                SecureTokens.random(),
                frameAncestors,
                now,
                now.plus(ttl));
        String hash = SecureTokens.sha256(token);
        store.save(hash, session);
        LtiCookies.set(response, COOKIE, token, ttl, true);
        Resolved resolved = new Resolved(token, session, authentication(launch, session));
        recent.put(hash, new Loaded(session, resolved.authentication()));
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
        Optional<Resolved> resolved =
                header != null && !header.isBlank() ? load(header) : load(LtiCookies.read(request, COOKIE));
        resolved.ifPresent(r -> {
            request.setAttribute(RESOLVED_ATTRIBUTE, r);
            request.setAttribute(TOKEN_ATTRIBUTE, r.token());
        });
        return resolved;
    }

    /** The session this request already resolved, without looking it up: e.g. for headers written at the end. */
    public static Optional<Resolved> current(HttpServletRequest request) {
        return request.getAttribute(RESOLVED_ATTRIBUTE) instanceof Resolved resolved
                ? Optional.of(resolved)
                : Optional.empty();
    }

    private Optional<Resolved> load(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = SecureTokens.sha256(token);
        Loaded loaded = recent.getIfPresent(hash);
        if (loaded == null) {
            Optional<Loaded> read = store.find(hash).flatMap(LtiSessions::read);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            loaded = read.get();
            recent.put(hash, loaded);
        }
        LtiSession session = loaded.session();
        Instant now = clock.instant();
        Instant absoluteEnd = session.startedAt().plus(maxLifetime);
        if (!now.isBefore(session.expiresAt()) || !now.isBefore(absoluteEnd)) {
            recent.invalidate(hash);
            return Optional.empty();
        }
        if (session.expiresAt().minus(ttl).plus(TOUCH_AFTER).isBefore(now)) {
            // Sliding, but never past the absolute lifetime: a stolen token does not live forever by use.
            Instant newExpiry = now.plus(ttl).isBefore(absoluteEnd) ? now.plus(ttl) : absoluteEnd;
            store.touch(hash, newExpiry);
            loaded = new Loaded(session.withExpiry(newExpiry), loaded.authentication());
            recent.put(hash, loaded);
        }
        return Optional.of(new Resolved(token, loaded.session(), loaded.authentication()));
    }

    private static Optional<Loaded> read(LtiSession session) {
        try {
            LtiLaunch launch =
                    LaunchClaimsReader.read(session.registration(), JWTClaimsSet.parse(session.claimsJson()));
            return Optional.of(new Loaded(session, authentication(launch, session)));
        } catch (ParseException | LtiLaunchException e) {
            log.warn("Stored LTI session can no longer be read; treating it as absent", e);
            return Optional.empty();
        }
    }

    /** A stored session with its claims read, as this instance keeps it for a few seconds. */
    private record Loaded(LtiSession session, LtiAuthenticationToken authentication) {}

    /** Ends the request's session everywhere. */
    public void end(HttpServletRequest request, HttpServletResponse response) {
        resolve(request).ifPresent(r -> {
            String hash = SecureTokens.sha256(r.token());
            recent.invalidate(hash);
            store.delete(hash);
        });
        request.removeAttribute(RESOLVED_ATTRIBUTE);
        request.removeAttribute(TOKEN_ATTRIBUTE);
        LtiCookies.clear(response, COOKIE);
    }

    private static LtiAuthenticationToken authentication(LtiLaunch launch, LtiSession session) {
        return new LtiAuthenticationToken(
                launch,
                AuthorityUtils.createAuthorityList(session.authorities().toArray(String[]::new)),
                session.attributes());
    }
}
