package nl.leerlog.tool.programme;

import static nl.leerlog.tool.db.Tables.LEARNING_GOAL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import nl.leerlog.tool.privacy.Owner;
import nl.leerlog.tool.privacy.PrivateRecords;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * A student's own learning goals and learning questions. They are private like the rest of the log: every query
 * is limited by {@link Owner#owns}, and a goal that is not the owner's is "not found".
 */
@PrivateRecords
@Repository
public class OwnGoals {

    /** One of the student's own goals, archived ones included. */
    public record OwnGoal(long id, Goal.Kind kind, String title, String description, boolean archived) {
    }

    private final DSLContext db;
    private final Clock clock;

    public OwnGoals(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<OwnGoal> all(Owner owner) {
        return db.select(LEARNING_GOAL.ID, LEARNING_GOAL.KIND, LEARNING_GOAL.TITLE, LEARNING_GOAL.DESCRIPTION,
                        LEARNING_GOAL.ARCHIVED)
                .from(LEARNING_GOAL)
                .where(owner.owns(LEARNING_GOAL))
                .orderBy(LEARNING_GOAL.ARCHIVED, LEARNING_GOAL.POSITION, LEARNING_GOAL.ID)
                .fetch(r -> new OwnGoal(r.value1(), Goal.Kind.valueOf(r.value2()), r.value3(), r.value4(), r.value5()));
    }

    /** One of the owner's goals; any other id is "not found", whoever's it is. */
    public OwnGoal find(Owner owner, long id) {
        return db.select(LEARNING_GOAL.ID, LEARNING_GOAL.KIND, LEARNING_GOAL.TITLE, LEARNING_GOAL.DESCRIPTION,
                        LEARNING_GOAL.ARCHIVED)
                .from(LEARNING_GOAL)
                .where(LEARNING_GOAL.ID.eq(id).and(owner.owns(LEARNING_GOAL)))
                .fetchOptional(r -> new OwnGoal(r.value1(), Goal.Kind.valueOf(r.value2()), r.value3(), r.value4(),
                        r.value5()))
                .orElseThrow(Owner::notFound);
    }

    public long add(Owner owner, Goal.Kind kind, String title, String description) {
        Integer last = db.select(DSL.max(LEARNING_GOAL.POSITION)).from(LEARNING_GOAL)
                .where(owner.owns(LEARNING_GOAL)).fetchOne(0, Integer.class);
        return db.insertInto(LEARNING_GOAL)
                .set(LEARNING_GOAL.COURSE_ID, owner.courseId())
                .set(LEARNING_GOAL.OWNER_ID, owner.userId())
                .set(LEARNING_GOAL.KIND, kind.name())
                .set(LEARNING_GOAL.TITLE, title)
                .set(LEARNING_GOAL.DESCRIPTION, description)
                .set(LEARNING_GOAL.POSITION, last == null ? 0 : last + 1)
                .set(LEARNING_GOAL.CREATED_AT, OffsetDateTime.now(clock))
                .returningResult(LEARNING_GOAL.ID)
                .fetchSingle(LEARNING_GOAL.ID);
    }

    public void update(Owner owner, long id, Goal.Kind kind, String title, String description) {
        found(db.update(LEARNING_GOAL)
                .set(LEARNING_GOAL.KIND, kind.name())
                .set(LEARNING_GOAL.TITLE, title)
                .set(LEARNING_GOAL.DESCRIPTION, description)
                .where(LEARNING_GOAL.ID.eq(id).and(owner.owns(LEARNING_GOAL))).execute());
    }

    public void archive(Owner owner, long id, boolean archived) {
        found(db.update(LEARNING_GOAL).set(LEARNING_GOAL.ARCHIVED, archived)
                .where(LEARNING_GOAL.ID.eq(id).and(owner.owns(LEARNING_GOAL))).execute());
    }

    private static void found(int rows) {
        if (rows == 0) {
            throw Owner.notFound();
        }
    }
}
