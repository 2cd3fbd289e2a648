package nl.leerlog.tool.internship.internal;

import static nl.leerlog.schema.Tables.INTERNSHIP;

import nl.leerlog.tool.privacy.StudentRows;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A student's internship data of a course. */
@Component
@Order(50)
class ErasedInternship extends StudentRows {

    ErasedInternship(DSLContext db) {
        super(db, "internship", new Rows(INTERNSHIP, INTERNSHIP.COURSE_ID, INTERNSHIP.STUDENT_ID));
    }
}
