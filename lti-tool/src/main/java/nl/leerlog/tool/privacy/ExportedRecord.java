package nl.leerlog.tool.privacy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One record of a student's export, as a feature hands it over: its id within the feature, its title, its fields
 * and its files.
 */
public record ExportedRecord(String id, String title, List<Field> fields, List<File> files) {

    public ExportedRecord {
        fields = List.copyOf(fields);
        files = List.copyOf(files);
    }

    public ExportedRecord(String id, String title, List<Field> fields) {
        this(id, title, fields, List.of());
    }

    /**
     * One field: its name in {@code leerlog.json}, its label in the portfolio, and its value: a text, a whole number,
     * a yes/no, a list of texts, or null when it is empty. Long texts (what happened, an answer) show as paragraphs.
     */
    public record Field(String name, String label, Object value, boolean longText) {

        public Field {
            if (!(value == null
                    || value instanceof String
                    || value instanceof Long
                    || value instanceof Integer
                    || value instanceof Boolean
                    || value instanceof List<?>)) {
                throw new IllegalArgumentException(
                        "field " + name + ": a " + value.getClass().getSimpleName());
            }
            if (value instanceof List<?> list) {
                value = list.stream().map(String::valueOf).toList();
            }
        }

        public static Field of(String name, String label, Object value) {
            return new Field(name, label, value, false);
        }

        public static Field text(String name, String label, String value) {
            return new Field(name, label, value, true);
        }

        /** A date as ISO 8601 ({@code 2026-11-30}). */
        public static Field date(String name, String label, LocalDate value) {
            return of(name, label, value == null ? null : value.toString());
        }

        /** A moment in time as ISO 8601 in UTC, to the second. */
        public static Field time(String name, String label, OffsetDateTime value) {
            return of(
                    name,
                    label,
                    value == null
                            ? null
                            : value.withOffsetSameInstant(ZoneOffset.UTC)
                                    .truncatedTo(ChronoUnit.SECONDS)
                                    .toString());
        }
    }

    /**
     * A file of the record: {@code ref} names it for {@link ExportableRecords#copyFile}; name, type found in its
     * content, size and SHA-256 as stored.
     */
    public record File(String ref, String fileName, String contentType, long sizeBytes, String sha256) {}
}
