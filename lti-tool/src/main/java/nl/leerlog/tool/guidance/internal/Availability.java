package nl.leerlog.tool.guidance.internal;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When a teacher reads and answers guidance questions, and within how many working days. Until the teacher states it,
 * the default holds (every working day, within three working days) and the students are told it is a default.
 */
record Availability(Set<DayOfWeek> days, int workingDays, String note, boolean stated) {

    static final Availability DEFAULT =
            new Availability(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 3, null, false);

    Availability {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** The days in week order, named in the reader's language. */
    public List<String> dayNames(Locale locale) {
        return days.stream()
                .sorted()
                .map(day -> day.getDisplayName(TextStyle.FULL, locale))
                .toList();
    }
}
