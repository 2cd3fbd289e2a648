package nl.leerlog.tool.programme;

import static nl.leerlog.tool.db.Tables.REFLECTION_MODEL;
import static nl.leerlog.tool.db.Tables.REFLECTION_STEP;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reflection models a course may choose from: the built-in ones (no course) and the course's own. A model is
 * data, a list of steps with a title and a prompt in Dutch and English, so a programme adds its own without code.
 */
@Repository
public class ReflectionModels {

    /** A step in the reader's language. */
    public record Step(String title, String prompt) {
    }

    /** A model in the reader's language, with its steps in order. */
    public record Model(long id, String key, String name, String description, boolean own, List<Step> steps) {
    }

    /** A step of a new model, in both languages. */
    public record NewStep(String titleNl, String titleEn, String promptNl, String promptEn) {
    }

    private final DSLContext db;
    private final Clock clock;

    public ReflectionModels(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The built-in models, then the course's own, each with its steps in {@code locale}'s language. */
    public List<Model> available(long courseId, Locale locale) {
        boolean dutch = "nl".equals(locale.getLanguage());
        Map<Long, Model> models = new LinkedHashMap<>();
        db.selectFrom(REFLECTION_MODEL)
                .where(REFLECTION_MODEL.COURSE_ID.isNull().or(REFLECTION_MODEL.COURSE_ID.eq(courseId)))
                .orderBy(REFLECTION_MODEL.COURSE_ID.asc().nullsFirst(), REFLECTION_MODEL.ID)
                .forEach(m -> models.put(m.getId(), new Model(m.getId(), m.getModelKey(),
                        dutch ? m.getNameNl() : m.getNameEn(),
                        dutch ? m.getDescriptionNl() : m.getDescriptionEn(),
                        m.getCourseId() != null, new ArrayList<>())));
        db.selectFrom(REFLECTION_STEP)
                .where(REFLECTION_STEP.MODEL_ID.in(models.keySet()))
                .orderBy(REFLECTION_STEP.MODEL_ID, REFLECTION_STEP.POSITION)
                .forEach(s -> models.get(s.getModelId()).steps().add(new Step(
                        dutch ? s.getTitleNl() : s.getTitleEn(), dutch ? s.getPromptNl() : s.getPromptEn())));
        return models.values().stream()
                .map(m -> new Model(m.id(), m.key(), m.name(), m.description(), m.own(), List.copyOf(m.steps())))
                .toList();
    }

    /** Whether the course may reflect with this model: a built-in one or one of its own. */
    public boolean isAvailable(long courseId, long modelId) {
        return db.fetchExists(REFLECTION_MODEL, REFLECTION_MODEL.ID.eq(modelId)
                .and(REFLECTION_MODEL.COURSE_ID.isNull().or(REFLECTION_MODEL.COURSE_ID.eq(courseId))));
    }

    /** Adds a model of the course's own; its key is free within the course, its steps are keyed by position. */
    @Transactional
    public long addOwn(long courseId, String nameNl, String nameEn, List<NewStep> steps) {
        int number = db.fetchCount(REFLECTION_MODEL, REFLECTION_MODEL.COURSE_ID.eq(courseId)) + 1;
        String key = "own-" + number;
        while (db.fetchExists(REFLECTION_MODEL, REFLECTION_MODEL.COURSE_ID.eq(courseId)
                .and(REFLECTION_MODEL.MODEL_KEY.eq(key)))) {
            key = "own-" + ++number;
        }
        long id = db.insertInto(REFLECTION_MODEL)
                .set(REFLECTION_MODEL.COURSE_ID, courseId)
                .set(REFLECTION_MODEL.MODEL_KEY, key)
                .set(REFLECTION_MODEL.NAME_NL, nameNl)
                .set(REFLECTION_MODEL.NAME_EN, nameEn)
                .set(REFLECTION_MODEL.CREATED_AT, OffsetDateTime.now(clock))
                .returningResult(REFLECTION_MODEL.ID)
                .fetchSingle(REFLECTION_MODEL.ID);
        int position = 1;
        for (NewStep step : steps) {
            db.insertInto(REFLECTION_STEP)
                    .set(REFLECTION_STEP.MODEL_ID, id)
                    .set(REFLECTION_STEP.POSITION, position)
                    // Answers are stored by step key, so the key must not change when a title is reworded.
                    .set(REFLECTION_STEP.STEP_KEY, "step-" + position)
                    .set(REFLECTION_STEP.TITLE_NL, step.titleNl())
                    .set(REFLECTION_STEP.TITLE_EN, step.titleEn())
                    .set(REFLECTION_STEP.PROMPT_NL, step.promptNl())
                    .set(REFLECTION_STEP.PROMPT_EN, step.promptEn())
                    .execute();
            position++;
        }
        return id;
    }
}
