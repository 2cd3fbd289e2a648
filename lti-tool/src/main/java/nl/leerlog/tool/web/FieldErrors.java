package nl.leerlog.tool.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Validation errors of one form, by field: each a message key the page shows next to its field. Free text is
 * checked by one rule ({@link TypeableTextRule}), bound forms and hand-checked imports alike.
 */
public record FieldErrors(Map<String, String> byField) {

    public FieldErrors {
        byField = Collections.unmodifiableMap(new LinkedHashMap<>(byField));
    }

    public static FieldErrors none() {
        return new FieldErrors(Map.of());
    }

    /** One field's mistake, by its message key. */
    public static FieldErrors of(String field, String key) {
        return new FieldErrors(Map.of(field, key));
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    /**
     * The errors Spring bound and Bean Validation found, the first one per field. Our constraints report their
     * message key as the message; a value Spring could not convert to the field's type gets {@code form.error.type}.
     */
    public static FieldErrors of(BindingResult result) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.putIfAbsent(error.getField(), key(error));
        }
        return new FieldErrors(errors);
    }

    private static String key(FieldError error) {
        if (error.isBindingFailure() || "typeMismatch".equals(error.getCode()) || error.getDefaultMessage() == null) {
            return "form.error.type";
        }
        return error.getDefaultMessage();
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
            return check(field, value, new TypeableTextRule(maxLength, true));
        }

        /**
         * The stripped text, or {@code null} when blank. Text longer than its column, or with characters no
         * database column holds (NUL) or no reader wants (other control characters than line breaks), is rejected.
         */
        public String optional(String field, String value, int maxLength) {
            return check(field, value, new TypeableTextRule(maxLength, false));
        }

        private String check(String field, String value, TypeableTextRule rule) {
            String problem = rule.problem(value);
            if (problem != null) {
                reject(field, problem);
                return null;
            }
            return TypeableTextRule.stripped(value);
        }

        public FieldErrors build() {
            return new FieldErrors(errors);
        }
    }
}
