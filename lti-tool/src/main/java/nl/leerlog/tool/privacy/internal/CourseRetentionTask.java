package nl.leerlog.tool.privacy.internal;

import nl.leerlog.tool.privacy.CourseRetention;
import nl.leerlog.tool.system.HousekeepingTask;
import org.springframework.stereotype.Component;

/** Keeps the retention report current and purges the courses it has shown long enough, or that were confirmed. */
@Component
@HousekeepingTask.Schedule(
        name = "course-retention",
        every = "${leerlog.privacy.course-retention-interval:PT6H}",
        firstAfter = "PT15M")
record CourseRetentionTask(CourseRetention retention) implements HousekeepingTask {

    @Override
    public int run() {
        return retention.purgeDue();
    }
}
