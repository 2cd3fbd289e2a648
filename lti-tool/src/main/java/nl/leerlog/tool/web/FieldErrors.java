package nl.leerlog.tool.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.leerlog.tool.system.DatabaseText;

/**
 * Validation errors of one form, by field: each a message key the page shows next to its field. The checks of
 * free text live here so every form of the programme and the internship refuses the same things the same way.
 */
public record FieldErrors(Map<String, String> byField) {

    public FieldErrors {
        byField = Collections.unmodifiableMap(new LinkedHashMap<>(byField));
    }

    public static FieldErrors none() {
        return new FieldErrors(Map.of());
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    /** Collects errors, the first one per field. */
    public static final class Builder {

        private final Map<String, String> errors = new LinkedHashMap<>();

        public void reject(String field, String messageKey) {
            errors.putIfAbsent(field, messageKey);
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        /** The stripped text; a blank one is rejected as missing. */
        public String required(String field, String value, int maxLength) {
            String text = optional(field, value, maxLength);
            if (text == null && !has(field)) {
                reject(field, "programme.error.required");
            }
            return text;
        }

        /**
         * The stripped text, or {@code null} when blank. Text longer than its column, or with characters no
         * database column holds (NUL) or no reader wants (other control characters than line breaks), is rejected.
         */
        public String optional(String field, String value, int maxLength) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String text = value.strip();
            // Forms never bring such characters (system.ControlCharacterFilter); an imported CSV file may.
            if (!DatabaseText.typeable(text)) {
                reject(field, "programme.error.characters");
                return null;
            }
            if (text.length() > maxLength) {
                reject(field, "programme.error.too-long");
                return null;
            }
            return text;
        }

        public FieldErrors build() {
            return new FieldErrors(errors);
        }
    }
}
