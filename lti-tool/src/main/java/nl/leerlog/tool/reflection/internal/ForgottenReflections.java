package nl.leerlog.tool.reflection.internal;

import static nl.leerlog.schema.Tables.REFLECTION;

import nl.leerlog.tool.privacy.DeletedRows;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Deleted reflections, with their answers. */
@Component
@Order(3)
class ForgottenReflections extends DeletedRows {

    ForgottenReflections(DSLContext db) {
        super(db, "reflections", REFLECTION, REFLECTION.DELETED_AT);
    }
}
