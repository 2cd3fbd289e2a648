package nl.leerlog.tool.analytics.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The days a student's analytics looks at, both ends included. */
public record Period(LocalDate from, LocalDate to) {

    /** The longest period one page shows: two years of weeks. */
    static final int MAX_DAYS = 2 * 366;

    boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
