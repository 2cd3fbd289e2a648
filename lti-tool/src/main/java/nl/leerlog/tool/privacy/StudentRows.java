package nl.leerlog.tool.privacy;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The erasure of a feature that keeps a student's records in its own tables, each row naming the course and the
 * student in a column: all such rows of the student in the course go. A feature extends it with its tables and its
 * {@link org.springframework.core.annotation.Order}.
 */
public abstract class StudentRows implements ErasableRecords {

    /** A table of the feature, with the columns that name the course and the student. */
    public record Rows(Table<?> table, Field<Long> course, Field<Long> student) {}

    private final DSLContext db;
    private final String kind;
    private final List<Rows> tables;

    protected StudentRows(DSLContext db, String kind, Rows... tables) {
        this.db = db;
        this.kind = kind;
        this.tables = List.of(tables);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public int eraseStudent(long courseId, long userId) {
        int erased = 0;
        for (Rows rows : tables) {
            erased += db.deleteFrom(rows.table())
                    .where(rows.course().eq(courseId), rows.student().eq(userId))
                    .execute();
        }
        return erased;
    }
}
