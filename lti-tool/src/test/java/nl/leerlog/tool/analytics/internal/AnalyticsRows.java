package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.CATEGORY;
import static nl.leerlog.schema.Tables.INTERNSHIP;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT_COMPETENCY;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT_GOAL;
import static nl.leerlog.schema.Tables.REFLECTION;
import static nl.leerlog.schema.Tables.REFLECTION_ANSWER;
import static nl.leerlog.schema.Tables.REFLECTION_MODEL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import nl.leerlog.tool.identity.Owner;
import org.jooq.DSLContext;

/** Rows of a student's learning log as the analytics reads them, written straight to the tables for page tests. */
record AnalyticsRows(DSLContext db) {

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    long moment(Owner owner, LocalDate on, Integer minutes, Long categoryId, boolean draft) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.insertInto(LEARNING_MOMENT)
                .set(LEARNING_MOMENT.COURSE_ID, owner.courseId())
                .set(LEARNING_MOMENT.OWNER_ID, owner.userId())
                .set(LEARNING_MOMENT.OCCURRED_ON, on)
                .set(LEARNING_MOMENT.MINUTES_SPENT, minutes)
                .set(LEARNING_MOMENT.CATEGORY_ID, categoryId)
                .set(LEARNING_MOMENT.DRAFT, draft)
                .set(LEARNING_MOMENT.TITLE, "Moment of " + on)
                .set(LEARNING_MOMENT.CREATED_AT, now)
                .set(LEARNING_MOMENT.UPDATED_AT, now)
                .returningResult(LEARNING_MOMENT.ID)
                .fetchSingle(LEARNING_MOMENT.ID);
    }

    void linkGoal(long momentId, long goalId) {
        db.insertInto(LEARNING_MOMENT_GOAL)
                .set(LEARNING_MOMENT_GOAL.MOMENT_ID, momentId)
                .set(LEARNING_MOMENT_GOAL.GOAL_ID, goalId)
                .execute();
    }

    void linkCompetency(long momentId, long competencyId) {
        db.insertInto(LEARNING_MOMENT_COMPETENCY)
                .set(LEARNING_MOMENT_COMPETENCY.MOMENT_ID, momentId)
                .set(LEARNING_MOMENT_COMPETENCY.COMPETENCY_ID, competencyId)
                .execute();
    }

    /** The id of the course's category named {@code name} (a new course has the default ones). */
    long category(long courseId, String name) {
        return db.select(CATEGORY.ID)
                .from(CATEGORY)
                .where(CATEGORY.COURSE_ID.eq(courseId).and(CATEGORY.NAME.eq(name)))
                .fetchSingle(CATEGORY.ID);
    }

    /** A reflection with the built-in model {@code modelKey}, answering the steps in {@code answers}. */
    long reflection(Owner owner, String modelKey, boolean draft, Map<String, String> answers) {
        long modelId = db.select(REFLECTION_MODEL.ID)
                .from(REFLECTION_MODEL)
                .where(REFLECTION_MODEL.COURSE_ID.isNull().and(REFLECTION_MODEL.MODEL_KEY.eq(modelKey)))
                .fetchSingle(REFLECTION_MODEL.ID);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long id = db.insertInto(REFLECTION)
                .set(REFLECTION.COURSE_ID, owner.courseId())
                .set(REFLECTION.OWNER_ID, owner.userId())
                .set(REFLECTION.MODEL_ID, modelId)
                .set(REFLECTION.TITLE, "Reflection")
                .set(REFLECTION.DRAFT, draft)
                .set(REFLECTION.CREATED_AT, now)
                .set(REFLECTION.UPDATED_AT, now)
                .returningResult(REFLECTION.ID)
                .fetchSingle(REFLECTION.ID);
        answers.forEach((step, answer) -> db.insertInto(REFLECTION_ANSWER)
                .set(REFLECTION_ANSWER.REFLECTION_ID, id)
                .set(REFLECTION_ANSWER.STEP_KEY, step)
                .set(REFLECTION_ANSWER.ANSWER, answer)
                .execute());
        return id;
    }

    void internship(Owner owner, String organisation, LocalDate startsOn, LocalDate endsOn) {
        db.insertInto(INTERNSHIP)
                .set(INTERNSHIP.COURSE_ID, owner.courseId())
                .set(INTERNSHIP.STUDENT_ID, owner.userId())
                .set(INTERNSHIP.ORGANISATION, organisation)
                .set(INTERNSHIP.STARTS_ON, startsOn)
                .set(INTERNSHIP.ENDS_ON, endsOn)
                .set(INTERNSHIP.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
    }
}
