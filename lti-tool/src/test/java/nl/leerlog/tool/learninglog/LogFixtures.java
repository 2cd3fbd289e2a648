package nl.leerlog.tool.learninglog;

import static nl.leerlog.tool.db.Tables.APP_USER;
import static nl.leerlog.tool.db.Tables.CATEGORY;
import static nl.leerlog.tool.db.Tables.COMPETENCY;
import static nl.leerlog.tool.db.Tables.COURSE;
import static nl.leerlog.tool.db.Tables.LEARNING_GOAL;
import static nl.leerlog.tool.db.Tables.PROGRAMME;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import nl.leerlog.tool.home.CurrentUser;
import nl.leerlog.tool.privacy.Owner;
import nl.leerlog.tool.roles.CourseRole;
import org.jooq.DSLContext;

/** Courses, people and a programme's categories, goals and competencies, written straight into the database. */
public final class LogFixtures {

    private LogFixtures() {
    }

    public static long course(DSLContext db) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.insertInto(COURSE)
                .set(COURSE.ISSUER, "https://log-lms.example.edu")
                .set(COURSE.CLIENT_ID, "client-1")
                .set(COURSE.DEPLOYMENT_ID, "deployment-1")
                .set(COURSE.CONTEXT_ID, "context-" + UUID.randomUUID())
                .set(COURSE.TITLE, "Stage")
                .set(COURSE.CREATED_AT, now)
                .set(COURSE.UPDATED_AT, now)
                .returningResult(COURSE.ID).fetchSingle(COURSE.ID);
    }

    public static long person(DSLContext db) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.insertInto(APP_USER)
                .set(APP_USER.ISSUER, "https://log-lms.example.edu")
                .set(APP_USER.SUBJECT, "user-" + UUID.randomUUID())
                .set(APP_USER.CREATED_AT, now)
                .set(APP_USER.LAST_LAUNCH_AT, now)
                .returningResult(APP_USER.ID).fetchSingle(APP_USER.ID);
    }

    /** The owner a launched student of {@code courseId} would be. */
    public static Owner owner(long userId, long courseId) {
        return Owner.of(new CurrentUser(userId, "Student", CourseRole.STUDENT, false, courseId, "Stage",
                Locale.ENGLISH));
    }

    public static long category(DSLContext db, long courseId, String name) {
        return db.insertInto(CATEGORY).set(CATEGORY.COURSE_ID, courseId).set(CATEGORY.NAME, name)
                .returningResult(CATEGORY.ID).fetchSingle(CATEGORY.ID);
    }

    /** A goal of the programme ({@code ownerId} null) or a student's own. */
    public static long goal(DSLContext db, long courseId, Long ownerId, String title) {
        return db.insertInto(LEARNING_GOAL).set(LEARNING_GOAL.COURSE_ID, courseId)
                .set(LEARNING_GOAL.OWNER_ID, ownerId)
                .set(LEARNING_GOAL.KIND, "GOAL")
                .set(LEARNING_GOAL.TITLE, title)
                .set(LEARNING_GOAL.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .returningResult(LEARNING_GOAL.ID).fetchSingle(LEARNING_GOAL.ID);
    }

    public static long competency(DSLContext db, long courseId, String code, String name) {
        return db.insertInto(COMPETENCY).set(COMPETENCY.COURSE_ID, courseId).set(COMPETENCY.CODE, code)
                .set(COMPETENCY.NAME, name)
                .returningResult(COMPETENCY.ID).fetchSingle(COMPETENCY.ID);
    }

    /** Makes the programme of {@code courseId} require these fields (e.g. "category,goals"). */
    public static void requireFields(DSLContext db, long courseId, String fields) {
        db.insertInto(PROGRAMME).set(PROGRAMME.COURSE_ID, courseId).set(PROGRAMME.REQUIRED_FIELDS, fields)
                .set(PROGRAMME.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .onConflict(PROGRAMME.COURSE_ID).doUpdate().set(PROGRAMME.REQUIRED_FIELDS, fields)
                .execute();
    }
}
