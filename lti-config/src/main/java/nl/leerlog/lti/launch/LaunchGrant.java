package nl.leerlog.lti.launch;

import java.util.List;
import java.util.Map;

/** What the application grants a validated launch: authorities, and values to keep in the session. */
public record LaunchGrant(List<String> authorities, Map<String, String> attributes) {

    public LaunchGrant {
        authorities = List.copyOf(authorities);
        attributes = Map.copyOf(attributes);
    }
}
