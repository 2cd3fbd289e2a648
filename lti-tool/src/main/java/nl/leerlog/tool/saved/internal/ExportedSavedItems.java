package nl.leerlog.tool.saved.internal;

import java.util.List;
import java.util.Locale;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.privacy.ExportableRecords;
import nl.leerlog.tool.privacy.ExportedRecord;
import nl.leerlog.tool.privacy.ExportedRecord.Field;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The student's Saved timeline in their export: what they kept, with their notes, newest first. */
@Component
@Order(50)
record ExportedSavedItems(SavedItems saved, MessageSource messages) implements ExportableRecords {

    @Override
    public String kind() {
        return "saved";
    }

    @Override
    public String title(Locale locale) {
        return messages.getMessage("section.student.saved.title", null, locale);
    }

    @Override
    public List<ExportedRecord> exportOf(Owner owner, Locale locale) {
        return saved.list(owner).stream()
                .map(item -> new ExportedRecord(
                        String.valueOf(item.id()),
                        item.title(),
                        List.of(
                                Field.of(
                                        "type",
                                        messages.getMessage("saved.export.type", null, locale),
                                        item.type().name()),
                                Field.of("ref", messages.getMessage("saved.export.ref", null, locale), item.ref()),
                                Field.text("note", messages.getMessage("saved.note.label", null, locale), item.note()),
                                Field.time(
                                        "savedAt",
                                        messages.getMessage("saved.export.saved-at", null, locale),
                                        item.savedAt()))))
                .toList();
    }
}
