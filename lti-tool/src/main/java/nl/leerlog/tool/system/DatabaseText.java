package nl.leerlog.tool.system;

/**
 * Text the database can hold. PostgreSQL refuses the NUL character in any text, even in a query's
 * parameters, so a lookup by a request value that contains one must not reach the database: no row can
 * match it, and asking would fail the request with a server error instead of "not found".
 */
public final class DatabaseText {

    private DatabaseText() {
    }

    public static boolean storable(String value) {
        return value == null || value.indexOf('\0') < 0;
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
