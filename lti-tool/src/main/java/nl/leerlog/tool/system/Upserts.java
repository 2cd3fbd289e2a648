package nl.leerlog.tool.system;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;

/** Insert-or-update statements ({@code ON CONFLICT}) that hold on both databases. */
public final class Upserts {

    private Upserts() {}

    /**
     * Runs an insert-or-update once more when a concurrent first insert of the same row came in between:
     * PostgreSQL's {@code ON CONFLICT} is atomic, H2's {@code MERGE} (which jOOQ renders for it) is not.
     */
    public static <T> T upsert(Supplier<T> statement) {
        try {
            return statement.get();
        } catch (DuplicateKeyException concurrentInsert) {
            return statement.get();
        }
    }
}
