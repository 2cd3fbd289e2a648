package nl.leerlog.tool.supervisor.internal;

import static nl.leerlog.schema.Tables.SUPERVISOR_LINK;

import nl.leerlog.tool.privacy.ErasableRecords;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A student's links for their workplace supervisor in a course, open or ended, with the items copied into them. */
@Component
@Order(65)
record ErasedSupervisorLinks(DSLContext db) implements ErasableRecords {

    @Override
    public String kind() {
        return "supervisor-links";
    }

    @Override
    public int eraseStudent(long courseId, long userId) {
        return db.deleteFrom(SUPERVISOR_LINK)
                .where(SUPERVISOR_LINK.COURSE_ID.eq(courseId), SUPERVISOR_LINK.OWNER_ID.eq(userId))
                .execute();
    }
}
