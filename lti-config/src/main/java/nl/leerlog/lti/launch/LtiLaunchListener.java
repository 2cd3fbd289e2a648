package nl.leerlog.lti.launch;

import nl.leerlog.lti.claims.LtiLaunch;
import nl.leerlog.lti.failure.LtiLaunchException;
import nl.leerlog.lti.session.LaunchGrant;

/**
 * The application's say in a launch that passed every LTI check: record the user and course, decide the
 * authorities, or refuse with {@link LtiLaunchException#refused(String, String)}.
 */
@FunctionalInterface
public interface LtiLaunchListener {

    LaunchGrant onLaunch(LtiLaunch launch);

    /** Grants each LTI role as an authority, unchanged; an application maps roles itself. */
    static LtiLaunchListener rolesAsAuthorities() {
        return launch -> new LaunchGrant(launch.roles(), java.util.Map.of());
    }
}
