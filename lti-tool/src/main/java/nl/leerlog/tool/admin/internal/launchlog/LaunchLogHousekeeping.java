package nl.leerlog.tool.admin.internal.launchlog;

import java.time.Clock;
import nl.leerlog.tool.admin.internal.AdminSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps launch events for {@code leerlog.admin.launch-log-retention} (default 30 days), then deletes them. */
@Component
class LaunchLogHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(LaunchLogHousekeeping.class);

    private final LaunchLog launches;
    private final AdminSettings settings;
    private final Clock clock;

    LaunchLogHousekeeping(LaunchLog launches, AdminSettings settings, Clock clock) {
        this.launches = launches;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${leerlog.admin.launch-log-cleanup-interval:PT1H}", initialDelayString = "PT2M")
    int deleteExpired() {
        int removed = launches.deleteBefore(clock.instant().minus(settings.launchLogRetention()));
        if (removed > 0) {
            log.debug("Removed {} launch events older than {}", removed, settings.launchLogRetention());
        }
        return removed;
    }
}
