package nl.leerlog.tool.programme.internal;

import java.util.List;
import java.util.Locale;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.privacy.ExportableRecords;
import nl.leerlog.tool.privacy.ExportedRecord;
import nl.leerlog.tool.privacy.ExportedRecord.Field;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The student's own learning goals and questions, archived ones too, in their export. */
@Component
@Order(20)
record ExportedGoals(OwnGoals goals, MessageSource messages) implements ExportableRecords {

    @Override
    public String kind() {
        return "goals";
    }

    @Override
    public String title(Locale locale) {
        return messages.getMessage("goals.export.title", null, locale);
    }

    @Override
    public List<ExportedRecord> exportOf(Owner owner, Locale locale) {
        return goals.all(owner).stream()
                .map(goal -> new ExportedRecord(
                        String.valueOf(goal.id()),
                        goal.title(),
                        List.of(
                                Field.of(
                                        "kind",
                                        label("programme.goal.kind", locale),
                                        goal.kind().name()),
                                Field.text(
                                        "description", label("programme.goal.description", locale), goal.description()),
                                Field.of("archived", label("goals.export.archived", locale), goal.archived()))))
                .toList();
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
