package nl.leerlog.tool.programme.internal;

import static nl.leerlog.schema.Tables.LEARNING_GOAL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
import nl.leerlog.tool.programme.Goal;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * A student's own learning goals and learning questions. They are private like the rest of the log: every query
 * is limited by {@link Owner#owns}, and a goal that is not the owner's is "not found".
 */
@PrivateRecords
@Repository
public class OwnGoals {

    /** One of the student's own goals, archived ones included. */
    public record OwnGoal(long id, Goal.Kind kind, String title, String description, boolean archived) {}

    private final DSLContext db;
    private final Clock clock;

    public OwnGoals(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<OwnGoal> all(Owner owner) {
        return GoalRows.select(db)
                .where(owner.owns(LEARNING_GOAL))
                .orderBy(LEARNING_GOAL.ARCHIVED, LEARNING_GOAL.POSITION, LEARNING_GOAL.ID)
                .fetch(GoalRows.into(OwnGoal::new));
    }

    /** One of the owner's goals; any other id is "not found", whoever's it is. */
    public OwnGoal find(Owner owner, long id) {
        return GoalRows.select(db)
                .where(LEARNING_GOAL.ID.eq(id).and(owner.owns(LEARNING_GOAL)))
                .fetchOptional(GoalRows.into(OwnGoal::new))
                .orElseThrow(Owner::notFound);
    }

    public long add(Owner owner, Goal.Kind kind, String title, String description) {
        return GoalRows.insert(
                db,
                owner.owns(LEARNING_GOAL),
                owner.courseId(),
                owner.userId(),
                kind,
                title,
                description,
                OffsetDateTime.now(clock));
    }

    public void update(Owner owner, long id, Goal.Kind kind, String title, String description) {
        found(GoalRows.update(db, owner.owns(LEARNING_GOAL), id, kind, title, description));
    }

    public void archive(Owner owner, long id, boolean archived) {
        found(GoalRows.archive(db, owner.owns(LEARNING_GOAL), id, archived));
    }

    private static void found(int rows) {
        if (rows == 0) {
            throw Owner.notFound();
        }
    }
}
