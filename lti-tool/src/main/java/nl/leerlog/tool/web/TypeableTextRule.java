package nl.leerlog.tool.web;

import nl.leerlog.tool.system.DatabaseText;

/**
 * The one rule for free text a person types, shared by {@link TypeableText} on bound forms and by what is checked
 * by hand: blank is missing, otherwise the stripped text must be typeable (on one line, if so asked) and fit its
 * column. Each problem is a message key: {@code keys} followed by {@code required}, {@code characters} or
 * {@code too-long}.
 */
public record TypeableTextRule(int maxLength, boolean required, boolean singleLine, String keys) {

    public static final String PROGRAMME_KEYS = "programme.error.";

    public TypeableTextRule(int maxLength, boolean required) {
        this(maxLength, required, false, PROGRAMME_KEYS);
    }

    /** The message key of what is wrong with the text, or {@code null} when it passes. */
    public String problem(String value) {
        String text = stripped(value);
        if (text == null) {
            return required ? keys + "required" : null;
        }
        // Forms never bring such characters (system.ControlCharacterFilter); an imported CSV file may.
        if (!DatabaseText.typeable(text) || (singleLine && text.chars().anyMatch(Character::isISOControl))) {
            return keys + "characters";
        }
        if (text.length() > maxLength) {
            return keys + "too-long";
        }
        return null;
    }

    /** The stripped text, or {@code null} when blank. */
    public static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
