package nl.leerlog.tool;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.CATEGORY;
import static nl.leerlog.schema.Tables.COMPETENCY;
import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.ENROLMENT;
import static nl.leerlog.schema.Tables.EVIDENCE;
import static nl.leerlog.schema.Tables.EVIDENCE_CONTENT;
import static nl.leerlog.schema.Tables.LEARNING_GOAL;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static nl.leerlog.schema.Tables.PROGRAMME;
import static nl.leerlog.schema.Tables.REFLECTION_MODEL;
import static nl.leerlog.schema.Tables.REFLECTION_STEP;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import org.jooq.DSLContext;

/**
 * Rows a learning-log test starts from, written straight into the database: courses, students, a programme's
 * categories, goals, competencies and reflection models, and learning moments. Every name is unique, so tests sharing a database do not meet.
 */
public record LearningLogRows(DSLContext db) {

    private static final String ISSUER = "https://rows-lms.example.edu";

    public long course() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.insertInto(COURSE)
                .set(COURSE.ISSUER, ISSUER)
                .set(COURSE.CLIENT_ID, "client-1")
                .set(COURSE.DEPLOYMENT_ID, "deployment-1")
                .set(COURSE.CONTEXT_ID, "context-" + UUID.randomUUID())
                .set(COURSE.TITLE, "Stage")
                .set(COURSE.CREATED_AT, now)
                .set(COURSE.UPDATED_AT, now)
                .returningResult(COURSE.ID)
                .fetchSingle(COURSE.ID);
    }

    public long person() {
        return db.insertInto(APP_USER)
                .set(APP_USER.ISSUER, ISSUER)
                .set(APP_USER.SUBJECT, "person-" + UUID.randomUUID())
                .set(APP_USER.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .returningResult(APP_USER.ID)
                .fetchSingle(APP_USER.ID);
    }

    /** A person with an active enrolment in the course, as a launch or the roster would leave them. */
    public long member(long courseId, String name, CourseRole role) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long id = db.insertInto(APP_USER)
                .set(APP_USER.ISSUER, ISSUER)
                .set(APP_USER.SUBJECT, "person-" + UUID.randomUUID())
                .set(APP_USER.DISPLAY_NAME, name)
                .set(APP_USER.CREATED_AT, now)
                .set(APP_USER.LAST_LAUNCH_AT, now)
                .returningResult(APP_USER.ID)
                .fetchSingle(APP_USER.ID);
        db.insertInto(ENROLMENT)
                .set(ENROLMENT.COURSE_ID, courseId)
                .set(ENROLMENT.USER_ID, id)
                .set(ENROLMENT.COURSE_ROLE, role.name())
                .set(ENROLMENT.LTI_ROLES, "")
                .set(ENROLMENT.CREATED_AT, now)
                .set(ENROLMENT.LAST_LAUNCH_AT, now)
                .execute();
        return id;
    }

    /** A student of {@code courseId} as a request would have them, in {@code locale}. */
    public static CurrentUser student(long userId, long courseId, Locale locale) {
        return new CurrentUser(userId, "Sanne", CourseRole.STUDENT, false, courseId, "Stage", locale);
    }

    public static Owner owner(long userId, long courseId) {
        return Owner.of(student(userId, courseId, Locale.ENGLISH));
    }

    public long moment(Owner owner, String title) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.insertInto(LEARNING_MOMENT)
                .set(LEARNING_MOMENT.COURSE_ID, owner.courseId())
                .set(LEARNING_MOMENT.OWNER_ID, owner.userId())
                .set(LEARNING_MOMENT.OCCURRED_ON, LocalDate.now(ZoneOffset.UTC))
                .set(LEARNING_MOMENT.TITLE, title)
                .set(LEARNING_MOMENT.CREATED_AT, now)
                .set(LEARNING_MOMENT.UPDATED_AT, now)
                .returningResult(LEARNING_MOMENT.ID)
                .fetchSingle(LEARNING_MOMENT.ID);
    }

    /** A moment of today with what happened in {@code body}, as the student would have written it. */
    public long moment(Owner owner, String title, String body) {
        long id = moment(owner, title);
        db.update(LEARNING_MOMENT)
                .set(LEARNING_MOMENT.BODY_SOURCE, body)
                .set(LEARNING_MOMENT.BODY_HTML, "<p>" + body + "</p>")
                .set(LEARNING_MOMENT.SEARCH_TEXT, (title + " " + body).toLowerCase(Locale.ROOT))
                .where(LEARNING_MOMENT.ID.eq(id))
                .execute();
        return id;
    }

    /** An evidence file of the owner's moment, kept in the database as an unscanned upload would be. */
    public long evidence(Owner owner, long momentId, String fileName, String contentType, byte[] content) {
        long id = db.insertInto(EVIDENCE)
                .set(EVIDENCE.COURSE_ID, owner.courseId())
                .set(EVIDENCE.OWNER_ID, owner.userId())
                .set(EVIDENCE.MOMENT_ID, momentId)
                .set(EVIDENCE.FILE_NAME, fileName)
                .set(EVIDENCE.CONTENT_TYPE, contentType)
                .set(EVIDENCE.SIZE_BYTES, (long) content.length)
                .set(EVIDENCE.SHA256, sha256(content))
                .set(EVIDENCE.STORAGE, "database")
                .set(EVIDENCE.SCAN_STATUS, "SKIPPED")
                .set(EVIDENCE.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .returningResult(EVIDENCE.ID)
                .fetchSingle(EVIDENCE.ID);
        db.insertInto(EVIDENCE_CONTENT)
                .set(EVIDENCE_CONTENT.EVIDENCE_ID, id)
                .set(EVIDENCE_CONTENT.CONTENT, content)
                .execute();
        return id;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void deleteMoment(long momentId) {
        db.update(LEARNING_MOMENT)
                .set(LEARNING_MOMENT.DELETED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(LEARNING_MOMENT.ID.eq(momentId))
                .execute();
    }

    /** A course's own three-step model, as a programme would add it: nothing but rows. */
    public long customModel(long courseId, String key) {
        long id = db.insertInto(REFLECTION_MODEL)
                .set(REFLECTION_MODEL.COURSE_ID, courseId)
                .set(REFLECTION_MODEL.MODEL_KEY, key)
                .set(REFLECTION_MODEL.NAME_NL, "Drie vragen")
                .set(REFLECTION_MODEL.NAME_EN, "Three questions")
                .set(REFLECTION_MODEL.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .returningResult(REFLECTION_MODEL.ID)
                .fetchSingle(REFLECTION_MODEL.ID);
        String[][] steps = {
            {"what", "Wat", "What", "Wat gebeurde er?", "What happened?"},
            {"so-what", "En dan?", "So what", "Wat betekent het?", "What does it mean?"},
            {"now-what", "Wat nu?", "Now what", "Wat ga je doen?", "What will you do?"}
        };
        for (int i = 0; i < steps.length; i++) {
            db.insertInto(REFLECTION_STEP)
                    .set(REFLECTION_STEP.MODEL_ID, id)
                    .set(REFLECTION_STEP.POSITION, i + 1)
                    .set(REFLECTION_STEP.STEP_KEY, steps[i][0])
                    .set(REFLECTION_STEP.TITLE_NL, steps[i][1])
                    .set(REFLECTION_STEP.TITLE_EN, steps[i][2])
                    .set(REFLECTION_STEP.PROMPT_NL, steps[i][3])
                    .set(REFLECTION_STEP.PROMPT_EN, steps[i][4])
                    .execute();
        }
        return id;
    }

    public long category(long courseId, String name) {
        return db.insertInto(CATEGORY)
                .set(CATEGORY.COURSE_ID, courseId)
                .set(CATEGORY.NAME, name)
                .returningResult(CATEGORY.ID)
                .fetchSingle(CATEGORY.ID);
    }

    /** A goal of the programme ({@code ownerId} null) or a student's own. */
    public long goal(long courseId, Long ownerId, String title) {
        return db.insertInto(LEARNING_GOAL)
                .set(LEARNING_GOAL.COURSE_ID, courseId)
                .set(LEARNING_GOAL.OWNER_ID, ownerId)
                .set(LEARNING_GOAL.KIND, "GOAL")
                .set(LEARNING_GOAL.TITLE, title)
                .set(LEARNING_GOAL.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .returningResult(LEARNING_GOAL.ID)
                .fetchSingle(LEARNING_GOAL.ID);
    }

    public long competency(long courseId, String code, String name) {
        return db.insertInto(COMPETENCY)
                .set(COMPETENCY.COURSE_ID, courseId)
                .set(COMPETENCY.CODE, code)
                .set(COMPETENCY.NAME, name)
                .returningResult(COMPETENCY.ID)
                .fetchSingle(COMPETENCY.ID);
    }

    /** Makes the programme of {@code courseId} require these fields (e.g. "category,goals"). */
    public void requireFields(long courseId, String fields) {
        db.insertInto(PROGRAMME)
                .set(PROGRAMME.COURSE_ID, courseId)
                .set(PROGRAMME.REQUIRED_FIELDS, fields)
                .set(PROGRAMME.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .onConflict(PROGRAMME.COURSE_ID)
                .doUpdate()
                .set(PROGRAMME.REQUIRED_FIELDS, fields)
                .execute();
    }

    public long builtInModel(String key) {
        return db.select(REFLECTION_MODEL.ID)
                .from(REFLECTION_MODEL)
                .where(REFLECTION_MODEL.COURSE_ID.isNull().and(REFLECTION_MODEL.MODEL_KEY.eq(key)))
                .fetchSingle(REFLECTION_MODEL.ID);
    }
}
