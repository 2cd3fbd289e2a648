package nl.leerlog.tool.supervisor.internal;

import java.util.List;
import java.util.Locale;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.privacy.ExportableRecords;
import nl.leerlog.tool.privacy.ExportedRecord;
import nl.leerlog.tool.privacy.ExportedRecord.Field;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The student's links for their workplace supervisor in their export, open and ended ones that are still kept: to
 * whom, which items, the question, until when and who answered. Never the link itself, which is not kept.
 */
@Component
@Order(50)
record ExportedSupervisorLinks(SupervisorLinks links, MessageSource messages) implements ExportableRecords {

    @Override
    public String kind() {
        return "supervisorLinks";
    }

    @Override
    public String title(Locale locale) {
        return messages.getMessage("supervisor.export.title", null, locale);
    }

    @Override
    public List<ExportedRecord> exportOf(Owner owner, Locale locale) {
        return links.allOf(owner).stream()
                .map(link -> new ExportedRecord(
                        String.valueOf(link.id()),
                        messages.getMessage("supervisor.export.record", new Object[] {link.supervisorName()}, locale),
                        List.of(
                                Field.of("supervisorName", label("supervisor.name", locale), link.supervisorName()),
                                Field.of(
                                        "supervisorEmail",
                                        label("supervisor.export.email", locale),
                                        link.supervisorEmail()),
                                Field.of("items", label("supervisor.export.items", locale), link.titles()),
                                Field.text("request", label("supervisor.export.request", locale), link.request()),
                                Field.time("createdAt", label("supervisor.export.created", locale), link.createdAt()),
                                Field.time("expiresAt", label("supervisor.export.expires", locale), link.expiresAt()),
                                Field.time("revokedAt", label("supervisor.export.revoked", locale), link.revokedAt()),
                                Field.time(
                                        "answeredAt", label("supervisor.export.answered", locale), link.answeredAt()),
                                Field.of(
                                        "answeredBy",
                                        label("supervisor.export.answered-by", locale),
                                        link.answeredBy()))))
                .toList();
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
