package nl.leerlog.tool.identity;

import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.ENROLMENT;

import java.time.OffsetDateTime;
import java.util.List;
import nl.leerlog.lti.registration.RegistrationKey;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * What identity keeps of courses and the people in them, for the privacy module's erasure and retention: a person's
 * enrolment, and with it the link to their internship teacher (the person themselves, {@code app_user}, stays, as
 * other courses may know them; a later launch enrols them again, with nothing of before); each course's last
 * activity; and the course itself, whose rows in every feature's tables go with it.
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

    /**
     * A course as retention judges it: its registration, its title, how many people are enrolled, and its last
     * activity: the latest launch into it, or its own last change when nobody launched since.
     */
    public record CourseActivity(
            long courseId, RegistrationKey registration, String title, int members, OffsetDateTime lastActivity) {}

    /** Every course with its last activity. */
    public List<CourseActivity> activity() {
        var lastLaunch = DSL.max(ENROLMENT.LAST_LAUNCH_AT);
        var members = DSL.count(ENROLMENT.USER_ID);
        return db.select(
                        COURSE.ID,
                        COURSE.ISSUER,
                        COURSE.CLIENT_ID,
                        COURSE.TITLE,
                        members,
                        lastLaunch,
                        COURSE.UPDATED_AT)
                .from(COURSE)
                .leftJoin(ENROLMENT)
                .on(ENROLMENT.COURSE_ID.eq(COURSE.ID))
                .groupBy(COURSE.ID, COURSE.ISSUER, COURSE.CLIENT_ID, COURSE.TITLE, COURSE.UPDATED_AT)
                .orderBy(COURSE.ID)
                .fetch(r -> new CourseActivity(
                        r.value1(),
                        new RegistrationKey(r.value2(), r.value3()),
                        r.value4(),
                        r.value5(),
                        r.value6() == null || r.value6().isBefore(r.value7()) ? r.value7() : r.value6()));
    }

    /** Deletes the course; every row of it in every table goes with it (on delete cascade). */
    public int deleteCourse(long courseId) {
        return db.deleteFrom(COURSE).where(COURSE.ID.eq(courseId)).execute();
    }
}
