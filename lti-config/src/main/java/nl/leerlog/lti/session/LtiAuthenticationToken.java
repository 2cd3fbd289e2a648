package nl.leerlog.lti.session;

import java.util.Collection;
import java.util.Map;
import nl.leerlog.lti.claims.LtiLaunch;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** The user of a validated launch: the typed claims as principal, plus what the application attached. */
public class LtiAuthenticationToken extends AbstractAuthenticationToken {

    private final LtiLaunch launch;
    private final Map<String, String> attributes;

    public LtiAuthenticationToken(
            LtiLaunch launch, Collection<? extends GrantedAuthority> authorities, Map<String, String> attributes) {
        super(authorities);
        this.launch = launch;
        this.attributes = Map.copyOf(attributes);
        setAuthenticated(true);
    }

    @Override
    public LtiLaunch getPrincipal() {
        return launch;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return launch.subject();
    }

    public LtiLaunch launch() {
        return launch;
    }

    /** A value the application attached at launch, e.g. its own user id. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    public Map<String, String> attributes() {
        return attributes;
    }
}
