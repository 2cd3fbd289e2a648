package nl.leerlog.tool.programme.internal;

import static nl.leerlog.schema.Tables.CATEGORY;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A course's categories of learning moments as its coordinators manage them. Categories are archived, never
 * deleted: learning moments keep referring to them. Every change names the course, which the caller takes from
 * the session; a category of another course is not found.
 */
@Repository
public class Categories {

    public static final int NAME_LENGTH = 200;

    /** One category, archived ones included. */
    public record Category(long id, String name, int position, boolean archived) {}

    public enum Direction {
        UP,
        DOWN
    }

    private final DSLContext db;

    public Categories(DSLContext db) {
        this.db = db;
    }

    /** Every category of the course in menu order, archived ones too. */
    public List<Category> all(long courseId) {
        return db.select(CATEGORY.ID, CATEGORY.NAME, CATEGORY.POSITION, CATEGORY.ARCHIVED)
                .from(CATEGORY)
                .where(CATEGORY.COURSE_ID.eq(courseId))
                .orderBy(CATEGORY.POSITION, CATEGORY.NAME, CATEGORY.ID)
                .fetch(r -> new Category(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Whether another category of the course already has this name, whatever its case. */
    public boolean nameTaken(long courseId, String name, Long exceptId) {
        var condition =
                CATEGORY.COURSE_ID.eq(courseId).and(DSL.lower(CATEGORY.NAME).eq(name.toLowerCase(Locale.ROOT)));
        return db.fetchExists(CATEGORY, exceptId == null ? condition : condition.and(CATEGORY.ID.ne(exceptId)));
    }

    /** Adds a category at the end of the menu. */
    @Transactional
    public long add(long courseId, String name) {
        Integer last = db.select(DSL.max(CATEGORY.POSITION))
                .from(CATEGORY)
                .where(CATEGORY.COURSE_ID.eq(courseId))
                .fetchOne(0, Integer.class);
        return db.insertInto(CATEGORY)
                .set(CATEGORY.COURSE_ID, courseId)
                .set(CATEGORY.NAME, name)
                .set(CATEGORY.POSITION, last == null ? 0 : last + 1)
                .returningResult(CATEGORY.ID)
                .fetchSingle(CATEGORY.ID);
    }

    public void rename(long courseId, long id, String name) {
        change(courseId, id, CATEGORY.NAME, name);
    }

    public void archive(long courseId, long id, boolean archived) {
        change(courseId, id, CATEGORY.ARCHIVED, archived);
    }

    private <T> void change(long courseId, long id, Field<T> field, T value) {
        found(db.update(CATEGORY)
                .set(field, value)
                .where(CATEGORY.ID.eq(id).and(CATEGORY.COURSE_ID.eq(courseId)))
                .execute());
    }

    /**
     * Moves a category one place up or down the menu. Positions are renumbered in the current order first, so
     * equal positions (e.g. from an import) never make a move do nothing.
     */
    @Transactional
    public void move(long courseId, long id, Direction direction) {
        List<Long> order = new ArrayList<>(db.select(CATEGORY.ID)
                .from(CATEGORY)
                .where(CATEGORY.COURSE_ID.eq(courseId))
                .orderBy(CATEGORY.POSITION, CATEGORY.NAME, CATEGORY.ID)
                .fetch(CATEGORY.ID));
        int index = order.indexOf(id);
        if (index < 0) {
            throw CourseRecordNotFound.exception();
        }
        int other = direction == Direction.UP ? index - 1 : index + 1;
        if (other >= 0 && other < order.size()) {
            order.set(index, order.get(other));
            order.set(other, id);
        }
        for (int position = 0; position < order.size(); position++) {
            db.update(CATEGORY)
                    .set(CATEGORY.POSITION, position)
                    .where(CATEGORY.ID.eq(order.get(position)))
                    .execute();
        }
    }

    private static void found(int rows) {
        if (rows == 0) {
            throw CourseRecordNotFound.exception();
        }
    }
}
