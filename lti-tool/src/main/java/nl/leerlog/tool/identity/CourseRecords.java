package nl.leerlog.tool.identity;

import static nl.leerlog.schema.Tables.ENROLMENT;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * What identity keeps of a person in a course, for the privacy module's erasure: the enrolment, and with it the link
 * to their internship teacher. The person themselves ({@code app_user}) stays, as other courses may know them; a
 * later launch enrols them again, with nothing of before.
 */
@Repository
public class CourseRecords {

    private final DSLContext db;

    CourseRecords(DSLContext db) {
        this.db = db;
    }

    /** Forgets that {@code userId} is in {@code courseId}; returns how many enrolments went (0 or 1). */
    public int forgetMember(long courseId, long userId) {
        // internship_teacher goes with the enrolment (on delete cascade).
        return db.deleteFrom(ENROLMENT)
                .where(ENROLMENT.COURSE_ID.eq(courseId), ENROLMENT.USER_ID.eq(userId))
                .execute();
    }
}
