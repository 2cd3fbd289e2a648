package nl.leerlog.tool.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The database a benchmark runs on: H2 by default, or with {@code -Dbenchmark.database=postgres} a fresh schema on
 * the PostgreSQL server at 127.0.0.1:5432 (database {@code test}), dropped again when the benchmark closes it.
 */
public final class BenchmarkDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    private final boolean postgres = "postgres".equals(System.getProperty("benchmark.database"));
    private final String schema = "bench_" + Long.toHexString(System.nanoTime());

    public boolean postgres() {
        return postgres;
    }

    public String name() {
        return postgres ? "PostgreSQL" : "H2";
    }

    /** The application's arguments that point it at this database. */
    public List<String> arguments() {
        return postgres
                ? List.of(
                        "--spring.datasource.url=" + SERVER + "?currentSchema=" + schema,
                        "--spring.datasource.username=postgres",
                        "--spring.flyway.schemas=" + schema,
                        "--spring.flyway.create-schemas=true")
                : List.of();
    }

    @Override
    public void close() throws SQLException {
        if (postgres) {
            try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "")) {
                connection.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
