package nl.leerlog.tool.web;

import java.util.Map;

/**
 * A form that came back with errors: which form ({@code name}, and the row's {@code id} for a row's own form),
 * what the user typed and what was wrong, so the page shows the messages next to the fields and keeps the input.
 */
public record FormState(String name, Long id, Map<String, String> values, FieldErrors errors) {

    public static final FormState NONE = new FormState("", null, Map.of(), FieldErrors.none());

    public FormState {
        values = Map.copyOf(values);
    }

    /** A failed form with its fields given as name, value, name, value...; a missing value is kept as empty. */
    public static FormState of(String name, Long id, FieldErrors errors, String... fieldsAndValues) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
            values.put(fieldsAndValues[i], fieldsAndValues[i + 1] == null ? "" : fieldsAndValues[i + 1]);
        }
        return new FormState(name, id, values, errors);
    }

    /** Whether this is the failed form named {@code form} (of row {@code rowId}, or none). */
    public boolean is(String form, Long rowId) {
        return name.equals(form) && java.util.Objects.equals(id, rowId);
    }

    public boolean is(String form) {
        return is(form, null);
    }

    /** What the user typed into {@code field} of this form, or the stored value when this form did not fail. */
    public String value(String form, Long rowId, String field, String stored) {
        return is(form, rowId) ? values.getOrDefault(field, "") : stored;
    }

    /** The message key of the error of {@code field} in form {@code form}, or {@code null}. */
    public String error(String form, Long rowId, String field) {
        return is(form, rowId) ? errors.get(field) : null;
    }
}
