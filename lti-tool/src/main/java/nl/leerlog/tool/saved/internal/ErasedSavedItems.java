package nl.leerlog.tool.saved.internal;

import static nl.leerlog.schema.Tables.SAVED_ITEM;

import nl.leerlog.tool.privacy.ErasableRecords;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A student's saved items of a course. */
@Component
@Order(30)
record ErasedSavedItems(DSLContext db) implements ErasableRecords {

    @Override
    public String kind() {
        return "saved";
    }

    @Override
    public int eraseStudent(long courseId, long userId) {
        return db.deleteFrom(SAVED_ITEM)
                .where(SAVED_ITEM.COURSE_ID.eq(courseId), SAVED_ITEM.OWNER_ID.eq(userId))
                .execute();
    }
}
