package nl.leerlog.tool.learninglog.internal;

import static nl.leerlog.schema.Tables.LEARNING_MOMENT;

import nl.leerlog.tool.privacy.DeletedRows;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Deleted learning moments, with their links; reflections on them stay the student's own, standalone (moment_id is set null). */
@Component
@Order(2)
class ForgottenMoments extends DeletedRows {

    ForgottenMoments(DSLContext db) {
        super(db, "moments", LEARNING_MOMENT, LEARNING_MOMENT.DELETED_AT);
    }
}
