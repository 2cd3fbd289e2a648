package nl.leerlog.tool.system.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import nl.leerlog.tool.system.HousekeepingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link HousekeepingTask} at its interval. A lock row (ShedLock, table {@code shedlock}) lets one
 * instance run a task while the others skip that round; the lock is held at most one interval, so a crashed
 * instance delays the task by no more than that. Each run is timed as {@code leerlog.housekeeping.runs} by task and
 * outcome ({@code done}, {@code failed}), and what it handled is counted as {@code leerlog.housekeeping.handled}.
 */
@Component
record Housekeeping(
        List<HousekeepingTask> tasks,
        TaskScheduler scheduler,
        Environment environment,
        LockingTaskExecutor locks,
        MeterRegistry metrics) {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    /** The lock rows, in table {@code shedlock}, timed by the database's clock so instances' clocks may differ. */
    @Configuration(proxyBeanMethods = false)
    static class Locks {

        @Bean
        LockingTaskExecutor housekeepingLocks(DataSource dataSource) {
            return new DefaultLockingTaskExecutor(
                    new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                            .withJdbcTemplate(new JdbcTemplate(dataSource))
                            .usingDbTime()
                            .build()));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        for (HousekeepingTask task : tasks) {
            HousekeepingTask.Schedule schedule =
                    AnnotationUtils.findAnnotation(AopUtils.getTargetClass(task), HousekeepingTask.Schedule.class);
            if (schedule == null) {
                throw new IllegalStateException(AopUtils.getTargetClass(task).getName() + " has no @Schedule");
            }
            scheduler.scheduleWithFixedDelay(
                    () -> runLocked(task, schedule),
                    Instant.now().plus(duration(schedule.firstAfter())),
                    duration(schedule.every()));
        }
    }

    /** Runs the task unless another instance (or thread) holds its lock; says whether it ran. */
    boolean runLocked(HousekeepingTask task, HousekeepingTask.Schedule schedule) {
        try {
            return locks.executeWithLock(
                            () -> runLogged(schedule.name(), task),
                            new LockConfiguration(
                                    Instant.now(), schedule.name(), duration(schedule.every()), Duration.ZERO))
                    .wasExecuted();
        } catch (Throwable e) {
            // runLogged catches the task's own failures; this is the lock's database being unreachable.
            log.error("Housekeeping {} not run: its lock could not be taken", schedule.name(), e);
            return false;
        }
    }

    private Duration duration(String setting) {
        return DurationStyle.detectAndParse(environment.resolveRequiredPlaceholders(setting));
    }

    private int runLogged(String name, HousekeepingTask task) {
        Timer.Sample run = Timer.start(metrics);
        String outcome = "failed";
        try {
            int handled = task.run();
            outcome = "done";
            metrics.counter("leerlog.housekeeping.handled", "task", name).increment(handled);
            if (handled > 0) {
                log.info("Housekeeping {}: {} handled", name, handled);
            }
            return handled;
        } catch (RuntimeException e) {
            log.error("Housekeeping {} failed; the next run tries again", name, e);
            return 0;
        } finally {
            run.stop(Timer.builder("leerlog.housekeeping.runs")
                    .description("Runs of a scheduled housekeeping task, on the instance that held its lock")
                    .tag("task", name)
                    .tag("outcome", outcome)
                    .register(metrics));
        }
    }
}
