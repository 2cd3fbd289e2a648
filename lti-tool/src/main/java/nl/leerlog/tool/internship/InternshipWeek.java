package nl.leerlog.tool.internship;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where a student is in their internship: "week N of M", "starts in N days", or finished. Week 1 starts on the
 * start date and every week is seven days from there, whatever weekday the internship starts on; the end date
 * lies in the last week. The guidance dashboard uses it to tell how long a student has been on internship.
 *
 * @param phase where the student is
 * @param week the current week, from 1 (only while running)
 * @param weeks how many weeks the internship has, or 0 when no end date is known
 * @param daysUntilStart days until the start (only before the start)
 */
public record InternshipWeek(Phase phase, int week, int weeks, long daysUntilStart) {

    public enum Phase {
        UNKNOWN,
        UPCOMING,
        RUNNING,
        FINISHED
    }

    public static final InternshipWeek UNKNOWN = new InternshipWeek(Phase.UNKNOWN, 0, 0, 0);

    /** Today's place in the period, in the clock's time zone; without a start date nothing is known. */
    public static InternshipWeek of(LocalDate startsOn, LocalDate endsOn, Clock clock) {
        return on(startsOn, endsOn, LocalDate.now(clock));
    }

    public static InternshipWeek on(LocalDate startsOn, LocalDate endsOn, LocalDate today) {
        if (startsOn == null || (endsOn != null && endsOn.isBefore(startsOn))) {
            return UNKNOWN;
        }
        int weeks = endsOn == null ? 0 : weekOf(startsOn, endsOn);
        if (today.isBefore(startsOn)) {
            return new InternshipWeek(Phase.UPCOMING, 0, weeks, ChronoUnit.DAYS.between(today, startsOn));
        }
        if (endsOn != null && today.isAfter(endsOn)) {
            return new InternshipWeek(Phase.FINISHED, weeks, weeks, 0);
        }
        return new InternshipWeek(Phase.RUNNING, weekOf(startsOn, today), weeks, 0);
    }

    private static int weekOf(LocalDate startsOn, LocalDate day) {
        return (int) (ChronoUnit.DAYS.between(startsOn, day) / 7) + 1;
    }

    public boolean running() {
        return phase == Phase.RUNNING;
    }
}
