package nl.leerlog.tool.reflection;

import static nl.leerlog.tool.db.Tables.REFLECTION_MODEL;
import static nl.leerlog.tool.db.Tables.REFLECTION_STEP;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.tool.db.tables.records.ReflectionModelRecord;
import nl.leerlog.tool.system.SupportedLocales;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The reflection models a course offers: the built-in ones (no course) and the course's own. Models are data,
 * so any model in {@code reflection_model} and {@code reflection_step} works without code of its own. Models
 * are programme configuration, readable by every member of the course, not a student's private records.
 */
@Repository
public class ReflectionModels {

    private final DSLContext db;

    public ReflectionModels(DSLContext db) {
        this.db = db;
    }

    /** Every model the course offers, built-in ones first, each in {@code locale}. */
    public List<ReflectionModel> offeredTo(long courseId, Locale locale) {
        return read(offered(courseId), locale);
    }

    /** The model if the course offers it; a model of another course is as unknown as one that never existed. */
    public Optional<ReflectionModel> find(long courseId, long modelId, Locale locale) {
        return read(offered(courseId).and(REFLECTION_MODEL.ID.eq(modelId)), locale).stream().findFirst();
    }

    private static Condition offered(long courseId) {
        return REFLECTION_MODEL.COURSE_ID.isNull().or(REFLECTION_MODEL.COURSE_ID.eq(courseId));
    }

    private List<ReflectionModel> read(Condition condition, Locale locale) {
        boolean dutch = SupportedLocales.closest(locale).equals(SupportedLocales.DUTCH);
        Map<Long, ReflectionModelRecord> models = new LinkedHashMap<>();
        db.selectFrom(REFLECTION_MODEL).where(condition)
                .orderBy(REFLECTION_MODEL.COURSE_ID.asc().nullsFirst(), REFLECTION_MODEL.ID)
                .forEach(model -> models.put(model.getId(), model));
        if (models.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ReflectionModel.Step>> steps = new LinkedHashMap<>();
        db.selectFrom(REFLECTION_STEP).where(REFLECTION_STEP.MODEL_ID.in(models.keySet()))
                .orderBy(REFLECTION_STEP.MODEL_ID, REFLECTION_STEP.POSITION)
                .forEach(step -> steps.computeIfAbsent(step.getModelId(), id -> new ArrayList<>())
                        .add(new ReflectionModel.Step(step.getPosition(), step.getStepKey(),
                                dutch ? step.getTitleNl() : step.getTitleEn(),
                                dutch ? step.getPromptNl() : step.getPromptEn())));
        return models.values().stream()
                .map(model -> new ReflectionModel(model.getId(), model.getModelKey(),
                        dutch ? model.getNameNl() : model.getNameEn(),
                        dutch ? model.getDescriptionNl() : model.getDescriptionEn(),
                        model.getCourseId() == null, steps.getOrDefault(model.getId(), List.of())))
                .toList();
    }
}
