package nl.leerlog.lti.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A launched session as stored: the validated launch claims, the authorities granted at launch, what
 * the application attached to it, and the CSRF token for its forms.
 */
public record LtiSession(
        String registrationId,
        String clientId,
        String claimsJson,
        List<String> authorities,
        Map<String, String> attributes,
        String csrfToken,
        Instant expiresAt) {

    public LtiSession {
        authorities = List.copyOf(authorities);
        attributes = Map.copyOf(attributes);
    }
}
