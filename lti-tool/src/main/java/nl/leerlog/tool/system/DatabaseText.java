package nl.leerlog.tool.system;

import nl.leerlog.tool.system.internal.ControlCharacterFilter;

/**
 * Text the database can hold. PostgreSQL refuses the NUL character in any text, even in a query's parameters, so a
 * value that contains one must not reach the database. Request parameters never do: {@link ControlCharacterFilter}
 * refuses every request with a control character in one ({@link #typeable}). What comes from elsewhere (a launch's
 * claims, a platform's configuration) is checked with {@link #storable} or made to fit with {@link #fit}.
 */
public final class DatabaseText {

    private DatabaseText() {}

    public static boolean storable(String value) {
        return value == null || value.indexOf('\0') < 0;
    }

    /**
     * Text a person could have typed: no control character (C0, DEL, C1) other than tab and line breaks. So also
     * storable.
     */
    public static boolean typeable(String value) {
        return value == null
                || value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    /**
     * Free text from a launch made fit for a column: without NUL characters and cut to the column's length,
     * so an unusually long course title or name never fails a launch.
     */
    public static String fit(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String clean = value.replace("\0", "");
        if (clean.length() <= maxLength) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return clean.substring(0, end);
    }
}
