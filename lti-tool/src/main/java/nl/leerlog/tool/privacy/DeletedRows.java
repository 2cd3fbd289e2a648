package nl.leerlog.tool.privacy;

import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/** The usual {@link ForgettableRecords}: the rows of one table whose deletion time is older than the cutoff. */
public abstract class DeletedRows implements ForgettableRecords {

    private final DSLContext db;
    private final String kind;
    private final Table<?> table;
    private final Field<OffsetDateTime> deletedAt;

    protected DeletedRows(DSLContext db, String kind, Table<?> table, Field<OffsetDateTime> deletedAt) {
        this.db = db;
        this.kind = kind;
        this.table = table;
        this.deletedAt = deletedAt;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public int forgetDeletedBefore(OffsetDateTime cutoff) {
        return db.deleteFrom(table).where(deletedAt.lt(cutoff)).execute();
    }
}
