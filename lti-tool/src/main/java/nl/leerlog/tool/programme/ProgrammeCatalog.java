package nl.leerlog.tool.programme;

import static nl.leerlog.schema.Tables.CATEGORY;
import static nl.leerlog.schema.Tables.COMPETENCY;
import static nl.leerlog.schema.Tables.LEARNING_GOAL;
import static nl.leerlog.schema.Tables.PROGRAMME;
import static nl.leerlog.schema.Tables.REFLECTION_MODEL;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.leerlog.tool.identity.CourseCreatedEvent;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.system.Upserts;
import org.jooq.DSLContext;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What a course's programme offers a student: categories, competencies, learning goals, required fields and the
 * reflection model. A course nobody has configured works with sensible defaults.
 */
@Service
public class ProgrammeCatalog {

    /** The built-in model a course reflects with until its coordinator picks another. */
    public static final String DEFAULT_REFLECTION_MODEL = "feedback";

    /** The categories a new course starts with, as message keys, in menu order. */
    static final List<String> DEFAULT_CATEGORIES = List.of("practice", "meeting", "observation", "training", "other");

    private final DSLContext db;
    private final MessageSource messages;

    public ProgrammeCatalog(DSLContext db, MessageSource messages) {
        this.db = db;
        this.messages = messages;
    }

    /** The course's active categories in order. */
    public List<Choice> categories(long courseId) {
        return db.select(CATEGORY.ID, CATEGORY.NAME)
                .from(CATEGORY)
                .where(CATEGORY.COURSE_ID.eq(courseId).and(CATEGORY.ARCHIVED.isFalse()))
                .orderBy(CATEGORY.POSITION, CATEGORY.NAME)
                .fetch(r -> new Choice(r.value1(), r.value2()));
    }

    /**
     * A new course starts with the default categories, named in the language of whoever launched it first (a
     * coordinator renames them at will).
     */
    @EventListener
    void onCourseCreated(CourseCreatedEvent course) {
        if (db.fetchExists(CATEGORY, CATEGORY.COURSE_ID.eq(course.courseId()))) {
            return; // told twice (two first launches at once): the course has its categories
        }
        int position = 0;
        for (String key : DEFAULT_CATEGORIES) {
            String name = messages.getMessage("programme.default-category." + key, null, course.locale());
            int at = position++;
            // Two first launches of one course may both see it created: the second adds nothing.
            Upserts.upsert(() -> db.insertInto(CATEGORY)
                    .set(CATEGORY.COURSE_ID, course.courseId())
                    .set(CATEGORY.NAME, name)
                    .set(CATEGORY.POSITION, at)
                    .onConflictDoNothing()
                    .execute());
        }
    }

    /** The course's active competencies, in the framework's order. */
    public List<Choice> competencies(long courseId) {
        return db.select(COMPETENCY.ID, COMPETENCY.NAME, COMPETENCY.CODE)
                .from(COMPETENCY)
                .where(COMPETENCY.COURSE_ID.eq(courseId).and(COMPETENCY.ARCHIVED.isFalse()))
                .orderBy(COMPETENCY.POSITION, COMPETENCY.CODE)
                .fetch(r -> new Choice(r.value1(), r.value2(), r.value3()));
    }

    /** The programme's active goals and questions, then the student's own. */
    public List<Goal> goals(Owner owner) {
        return db.select(
                        LEARNING_GOAL.ID,
                        LEARNING_GOAL.KIND,
                        LEARNING_GOAL.TITLE,
                        LEARNING_GOAL.DESCRIPTION,
                        LEARNING_GOAL.OWNER_ID)
                .from(LEARNING_GOAL)
                .where(linkableGoal(owner))
                .and(LEARNING_GOAL.ARCHIVED.isFalse())
                .orderBy(LEARNING_GOAL.OWNER_ID.asc().nullsFirst(), LEARNING_GOAL.POSITION, LEARNING_GOAL.ID)
                .fetch(r -> new Goal(
                        r.value1(), Goal.Kind.valueOf(r.value2()), r.value3(), r.value4(), r.value5() != null));
    }

    /**
     * The students of the course who set themselves at least one learning goal or question, for the tip that
     * suggests one; who set which goal stays theirs.
     */
    public Set<Long> studentsWithOwnGoals(long courseId) {
        return db.selectDistinct(LEARNING_GOAL.OWNER_ID)
                .from(LEARNING_GOAL)
                .where(LEARNING_GOAL.COURSE_ID.eq(courseId))
                .and(LEARNING_GOAL.OWNER_ID.isNotNull())
                .and(LEARNING_GOAL.ARCHIVED.isFalse())
                .fetchSet(LEARNING_GOAL.OWNER_ID);
    }

    /** The names of the course's categories with these ids, archived ones too: a moment keeps its category. */
    public Map<Long, String> categoryNames(long courseId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.select(CATEGORY.ID, CATEGORY.NAME)
                .from(CATEGORY)
                .where(CATEGORY.COURSE_ID.eq(courseId).and(CATEGORY.ID.in(ids)))
                .fetchMap(CATEGORY.ID, CATEGORY.NAME);
    }

    /** The goals with these ids that the student may link (the programme's and their own), archived ones too. */
    public List<Choice> goalChoices(Owner owner, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.select(LEARNING_GOAL.ID, LEARNING_GOAL.TITLE)
                .from(LEARNING_GOAL)
                .where(LEARNING_GOAL.ID.in(ids).and(linkableGoal(owner)))
                .orderBy(LEARNING_GOAL.OWNER_ID.asc().nullsFirst(), LEARNING_GOAL.POSITION, LEARNING_GOAL.ID)
                .fetch(r -> new Choice(r.value1(), r.value2()));
    }

    /** The course's competencies with these ids, archived ones too, in the framework's order. */
    public List<Choice> competencyChoices(long courseId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.select(COMPETENCY.ID, COMPETENCY.NAME, COMPETENCY.CODE)
                .from(COMPETENCY)
                .where(COMPETENCY.COURSE_ID.eq(courseId).and(COMPETENCY.ID.in(ids)))
                .orderBy(COMPETENCY.POSITION, COMPETENCY.CODE)
                .fetch(r -> new Choice(r.value1(), r.value2(), r.value3()));
    }

    /**
     * Whether a category, goals and competencies may all be linked by this student: a category or competency of
     * another course, or a goal of another course or another student, may not.
     */
    public boolean linkable(Owner owner, Long categoryId, Set<Long> goalIds, Set<Long> competencyIds) {
        boolean categoryOk = categoryId == null
                || db.fetchExists(CATEGORY, CATEGORY.ID.eq(categoryId).and(CATEGORY.COURSE_ID.eq(owner.courseId())));
        boolean goalsOk = goalIds.isEmpty()
                || db.fetchCount(LEARNING_GOAL, LEARNING_GOAL.ID.in(goalIds).and(linkableGoal(owner)))
                        == goalIds.size();
        boolean competenciesOk = competencyIds.isEmpty()
                || db.fetchCount(
                                COMPETENCY,
                                COMPETENCY.ID.in(competencyIds).and(COMPETENCY.COURSE_ID.eq(owner.courseId())))
                        == competencyIds.size();
        return categoryOk && goalsOk && competenciesOk;
    }

    private static org.jooq.Condition linkableGoal(Owner owner) {
        return LEARNING_GOAL
                .COURSE_ID
                .eq(owner.courseId())
                .and(LEARNING_GOAL.OWNER_ID.isNull().or(LEARNING_GOAL.OWNER_ID.eq(owner.userId())));
    }

    /** The fields a student must fill in before a learning moment is final (besides date and title). */
    public Set<MomentField> requiredFields(long courseId) {
        return MomentField.parse(db.select(PROGRAMME.REQUIRED_FIELDS)
                .from(PROGRAMME)
                .where(PROGRAMME.COURSE_ID.eq(courseId))
                .fetchOne(PROGRAMME.REQUIRED_FIELDS));
    }

    /** The id of the reflection model the course reflects with: its choice, or the built-in default. */
    public long reflectionModelId(long courseId) {
        Long chosen = db.select(PROGRAMME.REFLECTION_MODEL_ID)
                .from(PROGRAMME)
                .where(PROGRAMME.COURSE_ID.eq(courseId))
                .fetchOne(PROGRAMME.REFLECTION_MODEL_ID);
        if (chosen != null) {
            return chosen;
        }
        return db.select(REFLECTION_MODEL.ID)
                .from(REFLECTION_MODEL)
                .where(REFLECTION_MODEL.COURSE_ID.isNull().and(REFLECTION_MODEL.MODEL_KEY.eq(DEFAULT_REFLECTION_MODEL)))
                .fetchSingle(REFLECTION_MODEL.ID);
    }
}
