package nl.leerlog.tool.supervisor.internal;

import static nl.leerlog.schema.Tables.SUPERVISOR_LINK;

import nl.leerlog.tool.privacy.StudentRows;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A student's links for their workplace supervisor in a course, open or ended, with the items copied into them. */
@Component
@Order(65)
class ErasedSupervisorLinks extends StudentRows {

    ErasedSupervisorLinks(DSLContext db) {
        super(db, "supervisor-links", new Rows(SUPERVISOR_LINK, SUPERVISOR_LINK.COURSE_ID, SUPERVISOR_LINK.OWNER_ID));
    }
}
