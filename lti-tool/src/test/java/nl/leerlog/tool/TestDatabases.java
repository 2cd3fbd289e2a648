package nl.leerlog.tool;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Datasource properties for tests. Every Spring context gets a database of its own (an H2 database in memory,
 * or a schema in the shared PostgreSQL database), so test runs on one PostgreSQL server do not see each other.
 * The jOOQ classes name no schema, so queries go to the connection's current schema.
 */
public final class TestDatabases {

    /** The PostgreSQL database tests use; override with {@code LEERLOG_TEST_DATABASE_URL}. */
    static final String POSTGRES_URL = env("LEERLOG_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test");

    static final String POSTGRES_USER = env("LEERLOG_TEST_DATABASE_USER", "postgres");
    static final String POSTGRES_PASSWORD = env("LEERLOG_TEST_DATABASE_PASSWORD", "");

    private TestDatabases() {}

    /** A name for a schema or in-memory database that no other test run uses. */
    public static String uniqueName() {
        return "leerlog_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    /** An H2 database in memory, in the PostgreSQL mode of the dev profile. */
    public static Map<String, String> h2(String name) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(
                "spring.datasource.url",
                "jdbc:h2:mem:" + name
                        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        properties.put("spring.datasource.username", "sa");
        properties.put("spring.datasource.password", "");
        return properties;
    }

    /**
     * An H2 database in a file under {@code directory}, in the same mode: for starts outside the dev profile, which
     * refuse an in-memory database, and for two starts on one database.
     */
    public static Map<String, String> h2File(Path directory, String name) {
        Map<String, String> properties = new LinkedHashMap<>(h2(name));
        properties.put(
                "spring.datasource.url",
                "jdbc:h2:file:" + directory.resolve(name).toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        return properties;
    }

    /** The shared PostgreSQL database, with Flyway and every connection working in the given schema. */
    public static Map<String, String> postgres(String schema) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgresUrl(schema));
        properties.put("spring.datasource.username", POSTGRES_USER);
        properties.put("spring.datasource.password", POSTGRES_PASSWORD);
        properties.put("spring.flyway.default-schema", schema);
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.create-schemas", "true");
        return properties;
    }

    static String postgresUrl(String schema) {
        return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Removes a schema made by {@link #postgres(String)}, with everything in it. */
    public static void dropSchema(String schema) {
        if (!schema.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a schema name of these tests: " + schema);
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test schema " + schema, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
