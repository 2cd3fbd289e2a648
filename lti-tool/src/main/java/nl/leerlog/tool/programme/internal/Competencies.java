package nl.leerlog.tool.programme.internal;

import static nl.leerlog.schema.Tables.COMPETENCY;

import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * A course's competency framework as its coordinators manage it. Competencies are archived, never deleted:
 * learning moments keep referring to them. A competency of another course is not found.
 */
@Repository
public record Competencies(DSLContext db) {

    /** One competency, archived ones included. */
    public record Competency(long id, String code, String name, String description, boolean archived) {}

    /** What storing one competency by its code did. */
    public enum Stored {
        ADDED,
        UPDATED
    }

    public List<Competency> all(long courseId) {
        return db.select(COMPETENCY.ID, COMPETENCY.CODE, COMPETENCY.NAME, COMPETENCY.DESCRIPTION, COMPETENCY.ARCHIVED)
                .from(COMPETENCY)
                .where(COMPETENCY.COURSE_ID.eq(courseId))
                .orderBy(COMPETENCY.POSITION, COMPETENCY.CODE)
                .fetch(r -> new Competency(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Whether another competency of the course already has this code, whatever its case. */
    public boolean codeTaken(long courseId, String code, Long exceptId) {
        var condition =
                COMPETENCY.COURSE_ID.eq(courseId).and(DSL.lower(COMPETENCY.CODE).eq(code.toLowerCase(Locale.ROOT)));
        return db.fetchExists(COMPETENCY, exceptId == null ? condition : condition.and(COMPETENCY.ID.ne(exceptId)));
    }

    public long add(long courseId, String code, String name, String description) {
        return db.insertInto(COMPETENCY)
                .set(COMPETENCY.COURSE_ID, courseId)
                .set(COMPETENCY.CODE, code)
                .set(COMPETENCY.NAME, name)
                .set(COMPETENCY.DESCRIPTION, description)
                .set(COMPETENCY.POSITION, nextPosition(courseId))
                .returningResult(COMPETENCY.ID)
                .fetchSingle(COMPETENCY.ID);
    }

    public void update(long courseId, long id, String code, String name, String description) {
        found(db.update(COMPETENCY)
                .set(COMPETENCY.CODE, code)
                .set(COMPETENCY.NAME, name)
                .set(COMPETENCY.DESCRIPTION, description)
                .where(COMPETENCY.ID.eq(id).and(COMPETENCY.COURSE_ID.eq(courseId)))
                .execute());
    }

    public void archive(long courseId, long id, boolean archived) {
        found(db.update(COMPETENCY)
                .set(COMPETENCY.ARCHIVED, archived)
                .where(COMPETENCY.ID.eq(id).and(COMPETENCY.COURSE_ID.eq(courseId)))
                .execute());
    }

    /**
     * Adds the competency, or updates the one with the same code (whatever its case), as an import does. An
     * updated competency is active again: importing a framework means it is in use.
     */
    public Stored store(long courseId, String code, String name, String description) {
        int updated = db.update(COMPETENCY)
                .set(COMPETENCY.NAME, name)
                .set(COMPETENCY.DESCRIPTION, description)
                .set(COMPETENCY.ARCHIVED, false)
                .where(COMPETENCY
                        .COURSE_ID
                        .eq(courseId)
                        .and(DSL.lower(COMPETENCY.CODE).eq(code.toLowerCase(Locale.ROOT))))
                .execute();
        if (updated > 0) {
            return Stored.UPDATED;
        }
        add(courseId, code, name, description);
        return Stored.ADDED;
    }

    private int nextPosition(long courseId) {
        Integer last = db.select(DSL.max(COMPETENCY.POSITION))
                .from(COMPETENCY)
                .where(COMPETENCY.COURSE_ID.eq(courseId))
                .fetchOne(0, Integer.class);
        return last == null ? 0 : last + 1;
    }

    private static void found(int rows) {
        if (rows == 0) {
            throw CourseRecordNotFound.exception();
        }
    }
}
