package nl.leerlog.tool.programme.internal;

import static nl.leerlog.schema.Tables.LEARNING_GOAL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import nl.leerlog.tool.programme.Goal;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The learning goals and learning questions a programme sets (rows without an owner). A student's own goals are
 * another matter: {@link OwnGoals}. A goal of another course is not found.
 */
@Repository
public record ProgrammeGoals(DSLContext db, Clock clock) {

    /** A programme goal, archived ones included. */
    public record ProgrammeGoal(long id, Goal.Kind kind, String title, String description, boolean archived) {}

    public List<ProgrammeGoal> all(long courseId) {
        return GoalRows.select(db)
                .where(programmes(courseId))
                .orderBy(LEARNING_GOAL.POSITION, LEARNING_GOAL.ID)
                .fetch(GoalRows.into(ProgrammeGoal::new));
    }

    public long add(long courseId, Goal.Kind kind, String title, String description) {
        return GoalRows.insert(
                db, programmes(courseId), courseId, null, kind, title, description, OffsetDateTime.now(clock));
    }

    public void update(long courseId, long id, Goal.Kind kind, String title, String description) {
        found(GoalRows.update(db, programmes(courseId), id, kind, title, description));
    }

    public void archive(long courseId, long id, boolean archived) {
        found(GoalRows.archive(db, programmes(courseId), id, archived));
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
