package nl.leerlog.tool.saved.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a student can keep in Saved. Learning moments and reflections are the student's own records and are
 * checked to be theirs; tips and charts come from other features, which give their reference and title.
 */
public enum ItemType {
    MOMENT,
    REFLECTION,
    TIP,
    CHART;

    /** Whether the item is one of the student's own records, found by its id. */
    public boolean ownRecord() {
        return this == MOMENT || this == REFLECTION;
    }

    static Optional<ItemType> parse(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }
}
