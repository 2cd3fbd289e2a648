package nl.leerlog.tool.programme;

import static nl.leerlog.tool.db.Tables.LEARNING_GOAL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The learning goals and learning questions a programme sets (rows without an owner). A student's own goals are
 * another matter: {@link OwnGoals}. A goal of another course is not found.
 */
@Repository
public class ProgrammeGoals {

    /** A programme goal, archived ones included. */
    public record ProgrammeGoal(long id, Goal.Kind kind, String title, String description, boolean archived) {
    }

    private final DSLContext db;
    private final Clock clock;

    public ProgrammeGoals(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<ProgrammeGoal> all(long courseId) {
        return db.select(LEARNING_GOAL.ID, LEARNING_GOAL.KIND, LEARNING_GOAL.TITLE, LEARNING_GOAL.DESCRIPTION,
                        LEARNING_GOAL.ARCHIVED)
                .from(LEARNING_GOAL)
                .where(programmes(courseId))
                .orderBy(LEARNING_GOAL.POSITION, LEARNING_GOAL.ID)
                .fetch(r -> new ProgrammeGoal(r.value1(), Goal.Kind.valueOf(r.value2()), r.value3(), r.value4(),
                        r.value5()));
    }

    public long add(long courseId, Goal.Kind kind, String title, String description) {
        Integer last = db.select(DSL.max(LEARNING_GOAL.POSITION)).from(LEARNING_GOAL)
                .where(programmes(courseId)).fetchOne(0, Integer.class);
        return db.insertInto(LEARNING_GOAL)
                .set(LEARNING_GOAL.COURSE_ID, courseId)
                .set(LEARNING_GOAL.KIND, kind.name())
                .set(LEARNING_GOAL.TITLE, title)
                .set(LEARNING_GOAL.DESCRIPTION, description)
                .set(LEARNING_GOAL.POSITION, last == null ? 0 : last + 1)
                .set(LEARNING_GOAL.CREATED_AT, OffsetDateTime.now(clock))
                .returningResult(LEARNING_GOAL.ID)
                .fetchSingle(LEARNING_GOAL.ID);
    }

    public void update(long courseId, long id, Goal.Kind kind, String title, String description) {
        found(db.update(LEARNING_GOAL)
                .set(LEARNING_GOAL.KIND, kind.name())
                .set(LEARNING_GOAL.TITLE, title)
                .set(LEARNING_GOAL.DESCRIPTION, description)
                .where(LEARNING_GOAL.ID.eq(id).and(programmes(courseId))).execute());
    }

    public void archive(long courseId, long id, boolean archived) {
        found(db.update(LEARNING_GOAL).set(LEARNING_GOAL.ARCHIVED, archived)
                .where(LEARNING_GOAL.ID.eq(id).and(programmes(courseId))).execute());
    }

    /** The programme's rows only: a student's own goals are never read or changed here. */
    private static Condition programmes(long courseId) {
        return LEARNING_GOAL.COURSE_ID.eq(courseId).and(LEARNING_GOAL.OWNER_ID.isNull());
    }

    private static void found(int rows) {
        if (rows == 0) {
            throw CourseRecordNotFound.exception();
        }
    }
}
