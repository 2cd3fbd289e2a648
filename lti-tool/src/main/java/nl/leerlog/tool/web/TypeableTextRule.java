package nl.leerlog.tool.web;

import nl.leerlog.tool.system.DatabaseText;

/**
 * The one rule for free text a person types, shared by {@link TypeableText} on bound forms and by
 * {@link FieldErrors.Builder} for what is checked by hand (the CSV imports): blank is missing, otherwise the
 * stripped text must be typeable and fit its column.
 */
public record TypeableTextRule(int maxLength, boolean required) {

    /** The message key of what is wrong with the text, or {@code null} when it passes. */
    public String problem(String value) {
        String text = stripped(value);
        if (text == null) {
            return required ? "programme.error.required" : null;
        }
        // Forms never bring such characters (system.ControlCharacterFilter); an imported CSV file may.
        if (!DatabaseText.typeable(text)) {
            return "programme.error.characters";
        }
        if (text.length() > maxLength) {
            return "programme.error.too-long";
        }
        return null;
    }

    /** The stripped text, or {@code null} when blank. */
    public static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
