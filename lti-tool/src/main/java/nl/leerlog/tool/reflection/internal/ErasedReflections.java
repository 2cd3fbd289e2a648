package nl.leerlog.tool.reflection.internal;

import static nl.leerlog.schema.Tables.REFLECTION;

import nl.leerlog.tool.privacy.ErasableRecords;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A student's reflections of a course, deleted ones too, with their answers. */
@Component
@Order(20)
record ErasedReflections(DSLContext db) implements ErasableRecords {

    @Override
    public String kind() {
        return "reflections";
    }

    @Override
    public int eraseStudent(long courseId, long userId) {
        return db.deleteFrom(REFLECTION)
                .where(REFLECTION.COURSE_ID.eq(courseId), REFLECTION.OWNER_ID.eq(userId))
                .execute();
    }
}
