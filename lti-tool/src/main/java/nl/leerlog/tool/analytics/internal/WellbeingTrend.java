package nl.leerlog.tool.analytics.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether a student's own check-ins show a low trend for two weeks (seed 004: wellbeing as a concern of guidance): the
 * check-ins of two weeks in a row, the later one of this week or the last, are both low. A check-in is low when how it
 * is going or the energy is {@link #LOW} or less on the 1 to 5 scale. Pure: the same check-ins and day, the same
 * answer.
 */
final class WellbeingTrend {

    static final int LOW = 2;

    private WellbeingTrend() {}

    /** @param recent the student's check-ins, newest first */
    static boolean low(List<CheckIn> recent, LocalDate today) {
        if (recent.size() < 2) {
            return false;
        }
        CheckIn latest = recent.get(0);
        CheckIn before = recent.get(1);
        LocalDate thisWeek = CheckIns.weekOf(today);
        boolean current =
                latest.weekStart().equals(thisWeek) || latest.weekStart().equals(thisWeek.minusWeeks(1));
        return current && before.weekStart().equals(latest.weekStart().minusWeeks(1)) && low(latest) && low(before);
    }

    static boolean low(CheckIn checkIn) {
        return checkIn.mood() <= LOW || checkIn.energy() <= LOW;
    }
}
