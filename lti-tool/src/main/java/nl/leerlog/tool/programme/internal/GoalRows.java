package nl.leerlog.tool.programme.internal;

import static nl.leerlog.schema.Tables.LEARNING_GOAL;

import java.time.OffsetDateTime;
import nl.leerlog.tool.programme.Goal;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record5;
import org.jooq.RecordMapper;
import org.jooq.SelectWhereStep;
import org.jooq.impl.DSL;

/**
 * How learning-goal rows are read and written, for the programme's goals and a student's own alike. Which rows a
 * call reaches is always the caller's condition: {@link OwnGoals} passes the owner's, {@link ProgrammeGoals} the
 * programme's.
 */
final class GoalRows {

    /** Makes one kind of goal record from a row; the canonical constructor of either goal record fits. */
    @FunctionalInterface
    interface Factory<T> {
        T goal(long id, Goal.Kind kind, String title, String description, boolean archived);
    }

    private GoalRows() {}

    /** The columns a goal record is made of, to be limited by the caller's condition. */
    static SelectWhereStep<Record5<Long, String, String, String, Boolean>> select(DSLContext db) {
        return db.select(
                        LEARNING_GOAL.ID,
                        LEARNING_GOAL.KIND,
                        LEARNING_GOAL.TITLE,
                        LEARNING_GOAL.DESCRIPTION,
                        LEARNING_GOAL.ARCHIVED)
                .from(LEARNING_GOAL);
    }

    /** Maps a row of {@link #select} to a goal record made by {@code factory}. */
    static <T> RecordMapper<Record5<Long, String, String, String, Boolean>, T> into(Factory<T> factory) {
        return r -> factory.goal(r.value1(), Goal.Kind.valueOf(r.value2()), r.value3(), r.value4(), r.value5());
    }

    /**
     * Adds a goal after the last of {@code siblings} (the rows it is listed with) and returns its id; a programme
     * goal has no owner ({@code ownerId} null).
     */
    static long insert(
            DSLContext db,
            Condition siblings,
            long courseId,
            Long ownerId,
            Goal.Kind kind,
            String title,
            String description,
            OffsetDateTime now) {
        Integer last = db.select(DSL.max(LEARNING_GOAL.POSITION))
                .from(LEARNING_GOAL)
                .where(siblings)
                .fetchOne(0, Integer.class);
        return db.insertInto(LEARNING_GOAL)
                .set(LEARNING_GOAL.COURSE_ID, courseId)
                .set(LEARNING_GOAL.OWNER_ID, ownerId)
                .set(LEARNING_GOAL.KIND, kind.name())
                .set(LEARNING_GOAL.TITLE, title)
                .set(LEARNING_GOAL.DESCRIPTION, description)
                .set(LEARNING_GOAL.POSITION, last == null ? 0 : last + 1)
                .set(LEARNING_GOAL.CREATED_AT, now)
                .returningResult(LEARNING_GOAL.ID)
                .fetchSingle(LEARNING_GOAL.ID);
    }

    /** Changes the goal {@code id} if it is one of {@code rows}; returns how many rows changed (0 or 1). */
    static int update(DSLContext db, Condition rows, long id, Goal.Kind kind, String title, String description) {
        return db.update(LEARNING_GOAL)
                .set(LEARNING_GOAL.KIND, kind.name())
                .set(LEARNING_GOAL.TITLE, title)
                .set(LEARNING_GOAL.DESCRIPTION, description)
                .where(LEARNING_GOAL.ID.eq(id).and(rows))
                .execute();
    }

    /** Archives or restores the goal {@code id} if it is one of {@code rows}; returns how many rows changed. */
    static int archive(DSLContext db, Condition rows, long id, boolean archived) {
        return db.update(LEARNING_GOAL)
                .set(LEARNING_GOAL.ARCHIVED, archived)
                .where(LEARNING_GOAL.ID.eq(id).and(rows))
                .execute();
    }
}
