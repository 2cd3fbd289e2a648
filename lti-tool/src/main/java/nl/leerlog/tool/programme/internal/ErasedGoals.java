package nl.leerlog.tool.programme.internal;

import static nl.leerlog.schema.Tables.LEARNING_GOAL;

import nl.leerlog.tool.privacy.ErasableRecords;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A student's own learning goals and questions of a course; the programme's stay. */
@Component
@Order(40)
record ErasedGoals(DSLContext db) implements ErasableRecords {

    @Override
    public String kind() {
        return "goals";
    }

    @Override
    public int eraseStudent(long courseId, long userId) {
        return db.deleteFrom(LEARNING_GOAL)
                .where(LEARNING_GOAL.COURSE_ID.eq(courseId), LEARNING_GOAL.OWNER_ID.eq(userId))
                .execute();
    }
}
