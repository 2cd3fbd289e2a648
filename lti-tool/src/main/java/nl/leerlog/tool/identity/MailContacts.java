package nl.leerlog.tool.identity;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.ENROLMENT;

import java.util.Locale;
import java.util.Optional;
import nl.leerlog.tool.system.SupportedLocales;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * How to reach an active member of a course by mail: the address, name and language the LMS last shared for them.
 * Someone who left the course, or whose platform shares no e-mail (Canvas's {@code name_only}), has none.
 */
@Repository
public class MailContacts {

    private final DSLContext db;

    MailContacts(DSLContext db) {
        this.db = db;
    }

    /**
     * A member as a mail addresses them; {@code name} is null when the platform shares no name, {@code courseTitle}
     * is "" without one.
     */
    public record Contact(long userId, String name, String email, Locale locale, CourseRole role, String courseTitle) {}

    /** The active member of the course with an e-mail address, or nothing. */
    public Optional<Contact> of(long courseId, long userId) {
        return db.select(
                        APP_USER.ID,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.EMAIL,
                        APP_USER.LOCALE,
                        ENROLMENT.COURSE_ROLE,
                        COURSE.TITLE)
                .from(ENROLMENT)
                .join(APP_USER)
                .on(APP_USER.ID.eq(ENROLMENT.USER_ID))
                .join(COURSE)
                .on(COURSE.ID.eq(ENROLMENT.COURSE_ID))
                .where(ENROLMENT.COURSE_ID.eq(courseId), ENROLMENT.USER_ID.eq(userId), ENROLMENT.ACTIVE.isTrue())
                .and(APP_USER.EMAIL.isNotNull())
                .and(APP_USER.EMAIL.ne(""))
                .fetchOptional(r -> new Contact(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        SupportedLocales.fromClaim(r.value4()),
                        CourseRole.valueOf(r.value5()),
                        r.value6() == null ? "" : r.value6()));
    }

    /** The display name of a member ("" without one), whether or not they have an address: to name a sender. */
    public String nameOf(long userId) {
        return db.select(APP_USER.DISPLAY_NAME)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOptional()
                .map(r -> r.value1() == null ? "" : r.value1())
                .orElse("");
    }
}
