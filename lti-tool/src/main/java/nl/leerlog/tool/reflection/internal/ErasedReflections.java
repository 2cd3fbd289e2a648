package nl.leerlog.tool.reflection.internal;

import static nl.leerlog.schema.Tables.REFLECTION;

import nl.leerlog.tool.privacy.StudentRows;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A student's reflections of a course, deleted ones too, with their answers. */
@Component
@Order(20)
class ErasedReflections extends StudentRows {

    ErasedReflections(DSLContext db) {
        super(db, "reflections", new Rows(REFLECTION, REFLECTION.COURSE_ID, REFLECTION.OWNER_ID));
    }
}
