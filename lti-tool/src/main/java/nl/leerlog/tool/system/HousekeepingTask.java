package nl.leerlog.tool.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Work a feature does on a schedule (forgetting what expired, rotating keys, reading rosters). The system module
 * runs every such bean at the interval of its {@link Schedule}, on one instance at a time, logs what it did and
 * keeps a failure from stopping the next run; a feature only says what to do.
 */
public interface HousekeepingTask {

    /** One run; returns how many things it handled, for the log. */
    int run();

    /** When a task runs; both durations may name a setting, e.g. {@code ${leerlog.keys.check-interval:PT1H}}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Schedule {

        /** A short name, unique among the tasks: the lock's name and the log's. */
        String name();

        /** The time between the end of one run and the start of the next. */
        String every();

        /** How long after start-up the first run waits. */
        String firstAfter() default "PT1M";
    }
}
