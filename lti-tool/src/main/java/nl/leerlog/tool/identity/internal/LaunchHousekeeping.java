package nl.leerlog.tool.identity.internal;

import java.time.Clock;
import nl.leerlog.lti.login.LoginStateStore;
import nl.leerlog.lti.session.LtiSessionStore;
import nl.leerlog.tool.system.HousekeepingTask;
import org.springframework.stereotype.Component;

/** Removes expired login states and sessions, so neither table grows without end. */
@Component
@HousekeepingTask.Schedule(name = "login-states-and-sessions", every = "${leerlog.housekeeping-interval:PT5M}")
record LaunchHousekeeping(LoginStateStore states, LtiSessionStore sessions, Clock clock) implements HousekeepingTask {

    @Override
    public int run() {
        return states.deleteExpired(clock.instant()) + sessions.deleteExpired(clock.instant());
    }
}
