package nl.leerlog.tool.admin.internal.registrations;

import java.util.LinkedHashMap;
import java.util.Map;

/** Validation errors by form field, each a message key shown next to its field. */
public record FormErrors(Map<String, String> byField) {

    public FormErrors {
        byField = Map.copyOf(byField);
    }

    static FormErrors none() {
        return new FormErrors(Map.of());
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
    static final class Builder {
        private final Map<String, String> errors = new LinkedHashMap<>();

        void reject(String field, String messageKey) {
            errors.putIfAbsent(field, messageKey);
        }

        boolean has(String field) {
            return errors.containsKey(field);
        }

        FormErrors build() {
            return new FormErrors(errors);
        }
    }
}
