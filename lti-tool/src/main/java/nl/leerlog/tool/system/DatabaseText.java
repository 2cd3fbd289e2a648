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
}
