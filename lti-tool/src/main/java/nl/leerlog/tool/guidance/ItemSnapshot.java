package nl.leerlog.tool.guidance;

import java.time.LocalDate;
import java.util.List;

/**
 * A record as the student sent it: a title, the date it is about, parts of plain text (what happened, the goals, each
 * reflection step) and copies of its files. Plain text only: the page escapes it.
 */
public record ItemSnapshot(String title, LocalDate date, List<Part> parts, List<File> files) {

    public ItemSnapshot {
        parts = List.copyOf(parts);
        files = List.copyOf(files);
    }

    /** A record without files. */
    public ItemSnapshot(String title, LocalDate date, List<Part> parts) {
        this(title, date, parts, List.of());
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

    /**
     * A copy of one evidence file: the name to save it as and the type found in its content when it was uploaded
     * (never the one a browser claimed).
     */
    public record File(String name, String contentType, byte[] content) {}
}
