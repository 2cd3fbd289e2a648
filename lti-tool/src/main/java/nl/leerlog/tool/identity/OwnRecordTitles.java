package nl.leerlog.tool.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The titles of a student's own records of one kind that are not deleted: how one feature names another
 * feature's records (Saved names moments and reflections, a reflection names its moment) without reading its
 * tables or knowing its rule for deletion. The feature that owns the table publishes a subclass.
 */
public abstract class OwnRecordTitles {

    private final DSLContext db;
    private final Table<?> table;
    private final Field<Long> id;
    private final Field<String> title;
    private final Field<?> deletedAt;

    protected OwnRecordTitles(DSLContext db, Table<?> table, Field<Long> id, Field<String> title, Field<?> deletedAt) {
        this.db = db;
        this.table = table;
        this.id = id;
        this.title = title;
        this.deletedAt = deletedAt;
    }

    /** The owner's records among {@code ids} that are still there, by id; anyone else's are simply absent. */
    public Map<Long, String> liveTitles(Owner owner, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.select(id, title)
                .from(table)
                .where(owner.owns(table))
                .and(id.in(ids))
                .and(deletedAt.isNull())
                .fetchMap(id, title);
    }

    public Optional<String> liveTitle(Owner owner, long recordId) {
        return Optional.ofNullable(liveTitles(owner, List.of(recordId)).get(recordId));
    }
}
