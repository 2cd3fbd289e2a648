package nl.leerlog.tool.programme.internal;

import static nl.leerlog.schema.Tables.LEARNING_GOAL;

import nl.leerlog.tool.privacy.StudentRows;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A student's own learning goals and questions of a course; the programme's stay. */
@Component
@Order(40)
class ErasedGoals extends StudentRows {

    ErasedGoals(DSLContext db) {
        super(db, "goals", new Rows(LEARNING_GOAL, LEARNING_GOAL.COURSE_ID, LEARNING_GOAL.OWNER_ID));
    }
}
