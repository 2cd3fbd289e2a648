package nl.leerlog.tool.programme;

import static nl.leerlog.schema.Tables.REFLECTION_MODEL;
import static nl.leerlog.schema.Tables.REFLECTION_STEP;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.schema.tables.records.ReflectionModelRecord;
import nl.leerlog.tool.system.SupportedLocales;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reflection models a course offers: the built-in ones (no course) and the course's own. Models are data,
 * so any model in {@code reflection_model} and {@code reflection_step} works without code of its own. Models
 * are programme configuration, readable by every member of the course, not a student's private records.
 */
@Repository
public class ReflectionModels {

    /** A step of a new model, in both languages. */
    public record NewStep(String titleNl, String titleEn, String promptNl, String promptEn) {}

    private final DSLContext db;
    private final Clock clock;

    public ReflectionModels(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Every model the course offers, built-in ones first, each in {@code locale}. */
    public List<ReflectionModel> offeredTo(long courseId, Locale locale) {
        return read(offered(courseId), locale);
    }

    /** The model if the course offers it; a model of another course is as unknown as one that never existed. */
    public Optional<ReflectionModel> find(long courseId, long modelId, Locale locale) {
        return read(offered(courseId).and(REFLECTION_MODEL.ID.eq(modelId)), locale).stream()
                .findFirst();
    }

    /** Whether the course may reflect with this model: a built-in one or one of its own. */
    public boolean isOffered(long courseId, long modelId) {
        return db.fetchExists(REFLECTION_MODEL, offered(courseId).and(REFLECTION_MODEL.ID.eq(modelId)));
    }

    /** Adds a model of the course's own; its key is free within the course, its steps are keyed by position. */
    @Transactional
    public long addOwn(long courseId, String nameNl, String nameEn, List<NewStep> steps) {
        int number = db.fetchCount(REFLECTION_MODEL, REFLECTION_MODEL.COURSE_ID.eq(courseId)) + 1;
        String key = "own-" + number;
        while (db.fetchExists(
                REFLECTION_MODEL, REFLECTION_MODEL.COURSE_ID.eq(courseId).and(REFLECTION_MODEL.MODEL_KEY.eq(key)))) {
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

    private static Condition offered(long courseId) {
        return REFLECTION_MODEL.COURSE_ID.isNull().or(REFLECTION_MODEL.COURSE_ID.eq(courseId));
    }

    private List<ReflectionModel> read(Condition condition, Locale locale) {
        boolean dutch = SupportedLocales.closest(locale).equals(SupportedLocales.DUTCH);
        Map<Long, ReflectionModelRecord> models = new LinkedHashMap<>();
        db.selectFrom(REFLECTION_MODEL)
                .where(condition)
                .orderBy(REFLECTION_MODEL.COURSE_ID.asc().nullsFirst(), REFLECTION_MODEL.ID)
                .forEach(model -> models.put(model.getId(), model));
        if (models.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ReflectionModel.Step>> steps = new LinkedHashMap<>();
        db.selectFrom(REFLECTION_STEP)
                .where(REFLECTION_STEP.MODEL_ID.in(models.keySet()))
                .orderBy(REFLECTION_STEP.MODEL_ID, REFLECTION_STEP.POSITION)
                .forEach(step -> steps.computeIfAbsent(step.getModelId(), id -> new ArrayList<>())
                        .add(new ReflectionModel.Step(
                                step.getPosition(),
                                step.getStepKey(),
                                dutch ? step.getTitleNl() : step.getTitleEn(),
                                dutch ? step.getPromptNl() : step.getPromptEn())));
        return models.values().stream()
                .map(model -> new ReflectionModel(
                        model.getId(),
                        model.getModelKey(),
                        dutch ? model.getNameNl() : model.getNameEn(),
                        dutch ? model.getDescriptionNl() : model.getDescriptionEn(),
                        model.getCourseId() == null,
                        steps.getOrDefault(model.getId(), List.of())))
                .toList();
    }
}
