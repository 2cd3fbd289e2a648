package nl.leerlog.tool.saved.internal;

import static nl.leerlog.schema.Tables.SAVED_ITEM;

import nl.leerlog.tool.privacy.DeletedRows;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Entries removed from Saved. */
@Component
@Order(3)
class ForgottenSavedItems extends DeletedRows {

    ForgottenSavedItems(DSLContext db) {
        super(db, "savedItems", SAVED_ITEM, SAVED_ITEM.REMOVED_AT);
    }
}
