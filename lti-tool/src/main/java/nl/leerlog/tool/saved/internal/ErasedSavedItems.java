package nl.leerlog.tool.saved.internal;

import static nl.leerlog.schema.Tables.SAVED_ITEM;

import nl.leerlog.tool.privacy.StudentRows;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A student's saved items of a course. */
@Component
@Order(30)
class ErasedSavedItems extends StudentRows {

    ErasedSavedItems(DSLContext db) {
        super(db, "saved", new Rows(SAVED_ITEM, SAVED_ITEM.COURSE_ID, SAVED_ITEM.OWNER_ID));
    }
}
