package nl.leerlog.tool.identity.internal;

import java.time.Clock;
import nl.leerlog.lti.login.LoginStateStore;
import nl.leerlog.lti.session.LtiSessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes expired login states and sessions, so neither table grows without end. */
@Component
class LaunchHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(LaunchHousekeeping.class);

    private final LoginStateStore states;
    private final LtiSessionStore sessions;
    private final Clock clock;

    LaunchHousekeeping(LoginStateStore states, LtiSessionStore sessions, Clock clock) {
        this.states = states;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${leerlog.housekeeping-interval:PT5M}", initialDelayString = "PT1M")
    void deleteExpired() {
        int removedStates = states.deleteExpired(clock.instant());
        int removedSessions = sessions.deleteExpired(clock.instant());
        if (removedStates + removedSessions > 0) {
            log.debug("Removed {} expired login states and {} expired sessions", removedStates, removedSessions);
        }
    }
}
