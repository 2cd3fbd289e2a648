package nl.leerlog.tool.guidance.internal;

import java.util.List;
import java.util.Locale;

/**
 * Where a guidance thread stands: waiting for the teacher, answered, a conversation planned, closed by the student, or withdrawn by the
 * student (its items with it). Nobody writes in a closed or withdrawn thread.
 */
enum QuestionState {
    WAITING,
    ANSWERED,
    /** A conversation is agreed. */
    PLANNED,
    CLOSED,
    WITHDRAWN;

    public String key() {
        return "guidance.state." + name().toLowerCase(Locale.ROOT);
    }

    /** Whether messages may still be written. */
    public boolean open() {
        return this != CLOSED && this != WITHDRAWN;
    }

    /** The stored names of the states nobody writes in any more. */
    static List<String> over() {
        return List.of(CLOSED.name(), WITHDRAWN.name());
    }
}
