package nl.leerlog.tool.internship.internal;

import java.util.List;
import java.util.Locale;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.internship.Internships;
import nl.leerlog.tool.privacy.ExportableRecords;
import nl.leerlog.tool.privacy.ExportedRecord;
import nl.leerlog.tool.privacy.ExportedRecord.Field;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The student's internship data in their export: one record, or none before they entered any. */
@Component
@Order(10)
record ExportedInternship(Internships internships, MessageSource messages) implements ExportableRecords {

    @Override
    public String kind() {
        return "internship";
    }

    @Override
    public String title(Locale locale) {
        return label("internship.title", locale);
    }

    @Override
    public List<ExportedRecord> exportOf(Owner owner, Locale locale) {
        return internships
                .find(owner.courseId(), owner.userId())
                .map(internship -> List.of(new ExportedRecord(
                        "internship",
                        label("internship.title", locale),
                        List.of(
                                Field.of(
                                        "organisation",
                                        label("internship.organisation", locale),
                                        internship.organisation()),
                                Field.of(
                                        "supervisorName",
                                        label("internship.supervisor-name", locale),
                                        internship.supervisorName()),
                                Field.of(
                                        "supervisorEmail",
                                        label("internship.supervisor-email", locale),
                                        internship.supervisorEmail()),
                                Field.date("startsOn", label("internship.starts-on", locale), internship.startsOn()),
                                Field.date("endsOn", label("internship.ends-on", locale), internship.endsOn()),
                                Field.text(
                                        "assignment",
                                        label("internship.assignment", locale),
                                        internship.assignment())))))
                .orElse(List.of());
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
