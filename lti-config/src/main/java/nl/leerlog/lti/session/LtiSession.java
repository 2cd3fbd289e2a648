package nl.leerlog.lti.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.leerlog.lti.registration.RegistrationKey;

/**
 * A launched session as stored: the validated launch claims, the authorities granted at launch, what
 * the application attached to it, and the CSRF token for its forms.
 *
 * @param frameAncestors the CSP {@code frame-ancestors} directive of this session's pages, decided at launch
 * @param startedAt when the launch started the session; no use of it lasts beyond the absolute lifetime
 * @param expiresAt when the session ends unless it is used again before
 */
public record LtiSession(
        RegistrationKey registration,
        String claimsJson,
        List<String> authorities,
        Map<String, String> attributes,
        String csrfToken,
        String frameAncestors,
        Instant startedAt,
        Instant expiresAt) {

    public LtiSession {
        authorities = List.copyOf(authorities);
        attributes = Map.copyOf(attributes);
    }

    public LtiSession withExpiry(Instant newExpiry) {
        return new LtiSession(
                registration, claimsJson, authorities, attributes, csrfToken, frameAncestors, startedAt, newExpiry);
    }
}
