package nl.leerlog.tool.reflection.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.privacy.ExportableRecords;
import nl.leerlog.tool.privacy.ExportedRecord;
import nl.leerlog.tool.privacy.ExportedRecord.Field;
import nl.leerlog.tool.programme.ReflectionModel;
import nl.leerlog.tool.programme.ReflectionModels;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The student's reflections that are not deleted, oldest first, in their export: each answer under its step's key,
 * labelled with the step's title; answers to steps the model no longer has keep their key as label.
 */
@Component
@Order(40)
record ExportedReflections(Reflections reflections, ReflectionModels models, MessageSource messages)
        implements ExportableRecords {

    @Override
    public String kind() {
        return "reflections";
    }

    @Override
    public String title(Locale locale) {
        return messages.getMessage("reflection.export.title", null, locale);
    }

    @Override
    public List<ExportedRecord> exportOf(Owner owner, Locale locale) {
        List<ReflectionSummary> summaries = new ArrayList<>(reflections.list(owner));
        java.util.Collections.reverse(summaries);
        Map<Long, ReflectionModel> byId = new LinkedHashMap<>();
        List<ExportedRecord> records = new ArrayList<>();
        for (ReflectionSummary summary : summaries) {
            Reflection reflection = reflections.find(owner, summary.id()).orElse(null);
            if (reflection == null) {
                continue;
            }
            ReflectionModel model = byId.computeIfAbsent(
                    reflection.modelId(),
                    id -> models.find(owner.courseId(), id, locale).orElse(null));
            List<Field> fields = new ArrayList<>();
            fields.add(
                    Field.of("model", label("reflection.export.model", locale), model == null ? null : model.name()));
            fields.add(Field.of(
                    "moment",
                    label("reflection.export.moment", locale),
                    reflection.moment() == null ? null : reflection.moment().title()));
            fields.add(Field.of("draft", label("reflection.draft", locale), reflection.draft()));
            fields.add(Field.time("createdAt", label("reflection.export.created", locale), reflection.createdAt()));
            fields.add(Field.time("updatedAt", label("reflection.export.updated", locale), reflection.updatedAt()));
            Map<String, String> answers = new LinkedHashMap<>(reflection.answers());
            if (model != null) {
                for (ReflectionModel.Step step : model.steps()) {
                    String answer = answers.remove(step.key());
                    fields.add(Field.text("answer." + step.key(), step.title(), answer == null ? "" : answer));
                }
            }
            answers.keySet().stream()
                    .sorted()
                    .forEach(key -> fields.add(Field.text("answer." + key, key, answers.get(key))));
            records.add(new ExportedRecord(String.valueOf(reflection.id()), reflection.title(), fields));
        }
        return records;
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
