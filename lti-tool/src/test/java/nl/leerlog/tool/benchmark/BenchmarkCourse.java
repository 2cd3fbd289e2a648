package nl.leerlog.tool.benchmark;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.ENROLMENT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.identity.CourseRole;
import org.jooq.DSLContext;

/**
 * A launched course grown to benchmark size: the launched teacher and student, and as many more students as asked,
 * enrolled as the roster would have them (same issuer, active, role student).
 *
 * @param students the launched student first, then the added ones
 */
record BenchmarkCourse(long courseId, long teacherId, List<Long> students) {

    static BenchmarkCourse grow(
            DSLContext db,
            String contextId,
            String teacherSubject,
            String studentSubject,
            int size,
            OffsetDateTime now) {
        long course = db.select(COURSE.ID)
                .from(COURSE)
                .where(COURSE.CONTEXT_ID.eq(contextId))
                .fetchSingle(COURSE.ID);
        long student = userId(db, studentSubject);
        String issuer = db.select(APP_USER.ISSUER)
                .from(APP_USER)
                .where(APP_USER.ID.eq(student))
                .fetchSingle(APP_USER.ISSUER);
        List<Long> students = new ArrayList<>(List.of(student));
        for (int i = 1; i < size; i++) {
            long id = db.insertInto(APP_USER)
                    .set(APP_USER.ISSUER, issuer)
                    .set(APP_USER.SUBJECT, "intern-" + i + "-" + UUID.randomUUID())
                    .set(APP_USER.DISPLAY_NAME, "Intern " + i)
                    .set(APP_USER.CREATED_AT, now)
                    .set(APP_USER.LAST_LAUNCH_AT, now)
                    .returningResult(APP_USER.ID)
                    .fetchSingle(APP_USER.ID);
            db.insertInto(ENROLMENT)
                    .set(ENROLMENT.COURSE_ID, course)
                    .set(ENROLMENT.USER_ID, id)
                    .set(ENROLMENT.COURSE_ROLE, CourseRole.STUDENT.name())
                    .set(ENROLMENT.LTI_ROLES, TestPlatform.LEARNER)
                    .set(ENROLMENT.CREATED_AT, now)
                    .set(ENROLMENT.LAST_LAUNCH_AT, now)
                    .execute();
            students.add(id);
        }
        return new BenchmarkCourse(course, userId(db, teacherSubject), List.copyOf(students));
    }

    static long userId(DSLContext db, String subject) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.SUBJECT.eq(subject))
                .fetchSingle(APP_USER.ID);
    }
}
