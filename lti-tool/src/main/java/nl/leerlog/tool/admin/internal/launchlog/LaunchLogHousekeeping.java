package nl.leerlog.tool.admin.internal.launchlog;

import java.time.Clock;
import nl.leerlog.tool.admin.internal.AdminSettings;
import nl.leerlog.tool.system.HousekeepingTask;
import org.springframework.stereotype.Component;

/** Keeps launch events for {@code leerlog.admin.launch-log-retention} (default 30 days), then deletes them. */
@Component
@HousekeepingTask.Schedule(
        name = "launch-log",
        every = "${leerlog.admin.launch-log-cleanup-interval:PT1H}",
        firstAfter = "PT2M")
record LaunchLogHousekeeping(LaunchLog launches, AdminSettings settings, Clock clock) implements HousekeepingTask {

    @Override
    public int run() {
        return launches.deleteBefore(clock.instant().minus(settings.launchLogRetention()));
    }
}
