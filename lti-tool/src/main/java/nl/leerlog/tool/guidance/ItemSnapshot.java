package nl.leerlog.tool.guidance;

import java.util.List;

/**
 * A record as the student sent it: a title, the date it is about, and parts of plain text (what happened, the goals,
 * each reflection step). Plain text only: the page escapes it.
 */
public record ItemSnapshot(String title, java.time.LocalDate date, List<Part> parts) {

    public ItemSnapshot {
        parts = List.copyOf(parts);
    }

    /**
     * One part with its heading: a fixed one by message key, shown in the reader's language, or the record's own
     * (e.g. a reflection step's title).
     */
    public record Part(String headingKey, String heading, String body) {

        public static Part fixed(String headingKey, String body) {
            return new Part(headingKey, null, body);
        }

        public static Part named(String heading, String body) {
            return new Part(null, heading, body);
        }
    }
}
