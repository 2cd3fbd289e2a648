package nl.leerlog.tool.programme;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The learning-moment fields a programme may require (date and title are always required). */
public enum MomentField {
    CATEGORY,
    GOALS,
    COMPETENCIES,
    MINUTES,
    PEOPLE,
    EVIDENCE;

    /** Reads {@code programme.required_fields}; unknown names (from a newer version) are ignored. */
    static Set<MomentField> parse(String stored) {
        Set<MomentField> fields = EnumSet.noneOf(MomentField.class);
        if (stored == null) {
            return fields;
        }
        for (String name : stored.split(",")) {
            Arrays.stream(values())
                    .filter(f -> f.name().equalsIgnoreCase(name.strip()))
                    .forEach(fields::add);
        }
        return fields;
    }

    public static String format(Set<MomentField> fields) {
        return fields.stream()
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .sorted()
                .collect(Collectors.joining(","));
    }
}
