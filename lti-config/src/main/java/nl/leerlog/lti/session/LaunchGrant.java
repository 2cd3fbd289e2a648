package nl.leerlog.lti.session;

import java.util.List;
import java.util.Map;

/**
 * What the application grants a validated launch: authorities, values to keep in the session, and optionally
 * the page this user starts on (else the configured landing path), so the launch sends the browser straight there.
 */
public record LaunchGrant(List<String> authorities, Map<String, String> attributes, String landingPath) {

    public LaunchGrant {
        authorities = List.copyOf(authorities);
        attributes = Map.copyOf(attributes);
    }

    public LaunchGrant(List<String> authorities, Map<String, String> attributes) {
        this(authorities, attributes, null);
    }
}
