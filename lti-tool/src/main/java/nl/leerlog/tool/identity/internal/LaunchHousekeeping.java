package nl.leerlog.tool.identity.internal;

import java.time.Clock;
import nl.leerlog.lti.login.LoginStateStore;
import nl.leerlog.lti.session.LtiSessionStore;
import nl.leerlog.tool.system.HousekeepingTask;
import org.springframework.stereotype.Component;

/** Removes expired login states and sessions, so neither table grows without end. */
@Component
@HousekeepingTask.Schedule(name = "login-states-and-sessions", every = "${leerlog.housekeeping-interval:PT5M}")
class LaunchHousekeeping implements HousekeepingTask {

    private final LoginStateStore states;
    private final LtiSessionStore sessions;
    private final Clock clock;

    LaunchHousekeeping(LoginStateStore states, LtiSessionStore sessions, Clock clock) {
        this.states = states;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public int run() {
        return states.deleteExpired(clock.instant()) + sessions.deleteExpired(clock.instant());
    }
}
