package nl.leerlog.tool.internship.internal;

import static nl.leerlog.schema.Tables.INTERNSHIP;

import nl.leerlog.tool.privacy.ErasableRecords;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A student's internship data of a course. */
@Component
@Order(50)
record ErasedInternship(DSLContext db) implements ErasableRecords {

    @Override
    public String kind() {
        return "internship";
    }

    @Override
    public int eraseStudent(long courseId, long userId) {
        return db.deleteFrom(INTERNSHIP)
                .where(INTERNSHIP.COURSE_ID.eq(courseId), INTERNSHIP.STUDENT_ID.eq(userId))
                .execute();
    }
}
