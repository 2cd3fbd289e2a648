package nl.leerlog.tool.learninglog.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceFiles;
import nl.leerlog.tool.privacy.ExportableRecords;
import nl.leerlog.tool.privacy.ExportedRecord;
import nl.leerlog.tool.privacy.ExportedRecord.Field;
import nl.leerlog.tool.programme.Choice;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The student's learning moments that are not deleted, with their evidence files, in their export. */
@Component
@Order(30)
record ExportedMoments(LearningMoments moments, EvidenceFiles evidence, MessageSource messages)
        implements ExportableRecords {

    @Override
    public String kind() {
        return "moments";
    }

    @Override
    public String title(Locale locale) {
        return messages.getMessage("log.export.title", null, locale);
    }

    @Override
    public List<ExportedRecord> exportOf(Owner owner, Locale locale) {
        List<ExportedRecord> records = new ArrayList<>();
        for (long id : moments.liveIds(owner)) {
            moments.find(owner, id)
                    .ifPresent(moment -> records.add(new ExportedRecord(
                            String.valueOf(id),
                            moment.title(),
                            List.of(
                                    Field.date("date", label("log.field.date", locale), moment.occurredOn()),
                                    Field.of("minutesSpent", label("log.field.minutes", locale), moment.minutesSpent()),
                                    Field.of(
                                            "category",
                                            label("log.field.category", locale),
                                            moment.category() == null
                                                    ? null
                                                    : moment.category().label()),
                                    Field.of("goals", label("log.field.goals", locale), names(moment.goals())),
                                    Field.of(
                                            "competencies",
                                            label("log.field.competencies", locale),
                                            names(moment.competencies())),
                                    Field.of(
                                            "people",
                                            label("log.field.people", locale),
                                            moment.people().stream()
                                                    .map(person -> person.role() == null
                                                                    || person.role()
                                                                            .isBlank()
                                                            ? person.name()
                                                            : person.name() + " (" + person.role() + ")")
                                                    .toList()),
                                    Field.text("text", label("log.field.body", locale), moment.bodySource()),
                                    Field.of("draft", label("log.export.draft", locale), moment.draft()),
                                    Field.of(
                                            "fromSupervisor",
                                            label("log.export.from-supervisor", locale),
                                            moment.fromSupervisor()),
                                    Field.time(
                                            "updatedAt",
                                            label("log.export.updated", locale),
                                            moment.updatedAt().atOffset(java.time.ZoneOffset.UTC))),
                            evidence.exported(owner, id))));
        }
        return records;
    }

    @Override
    public void copyFile(Owner owner, String ref, OutputStream out) throws IOException {
        long evidenceId;
        try {
            evidenceId = Long.parseLong(ref);
        } catch (NumberFormatException e) {
            throw Owner.notFound();
        }
        evidence.copy(owner, evidenceId, out);
    }

    private static List<String> names(List<Choice> choices) {
        return choices.stream().map(Choice::label).toList();
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
