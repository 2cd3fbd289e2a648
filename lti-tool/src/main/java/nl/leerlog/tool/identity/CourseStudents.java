package nl.leerlog.tool.identity;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.ENROLMENT;

import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The active students of a course, as the launches and the roster (NRPS) enrolled them: whom a teacher of that
 * course may look after. A student who left the course, or was never in it, is not there.
 */
@Repository
public class CourseStudents {

    private final DSLContext db;

    CourseStudents(DSLContext db) {
        this.db = db;
    }

    /** A student as a teacher's lists show them; {@code name} is null when the platform shares no name. */
    public record Student(long id, String name) {}

    /** The name of an active student of the course ("" without one), or nothing when the id is none there. */
    public Optional<String> activeStudentName(long courseId, long studentId) {
        return db.select(APP_USER.DISPLAY_NAME)
                .from(ENROLMENT)
                .join(APP_USER)
                .on(APP_USER.ID.eq(ENROLMENT.USER_ID))
                .where(activeStudentOf(courseId), ENROLMENT.USER_ID.eq(studentId))
                .fetchOptional()
                .map(r -> r.value1() == null ? "" : r.value1());
    }

    /** The course's active students by name (those without one last). */
    public List<Student> activeStudents(long courseId) {
        return db.select(APP_USER.ID, APP_USER.DISPLAY_NAME)
                .from(ENROLMENT)
                .join(APP_USER)
                .on(APP_USER.ID.eq(ENROLMENT.USER_ID))
                .where(activeStudentOf(courseId))
                .orderBy(APP_USER.DISPLAY_NAME.asc().nullsLast(), APP_USER.ID)
                .fetch(r -> new Student(r.value1(), r.value2()));
    }

    private static Condition activeStudentOf(long courseId) {
        return ENROLMENT
                .COURSE_ID
                .eq(courseId)
                .and(ENROLMENT.ACTIVE.isTrue())
                .and(ENROLMENT.COURSE_ROLE.eq(CourseRole.STUDENT.name()));
    }
}
