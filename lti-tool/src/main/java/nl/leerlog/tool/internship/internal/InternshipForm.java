package nl.leerlog.tool.internship.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormState;
import nl.leerlog.tool.web.TypeableText;
import nl.leerlog.tool.web.TypeableTextRule;

/**
 * The internship form as it is sent: every field is text, so what was typed comes back as typed, and is checked
 * by the constraints on it when bound with {@code @Valid}.
 */
@EndNotBeforeStart
public record InternshipForm(
        @TypeableText(max = 300) String organisation,
        @TypeableText(max = 200) String supervisorName,
        @TypeableText(max = 320) @InternshipEmail String supervisorEmail,
        @PlanningDate String startsOn,
        @PlanningDate String endsOn,
        @TypeableText(max = 4000) String assignment) {

    public static InternshipForm of(Internship internship) {
        return new InternshipForm(
                internship.organisation(),
                internship.supervisorName(),
                internship.supervisorEmail(),
                text(internship.startsOn()),
                text(internship.endsOn()),
                internship.assignment());
    }

    /** The internship of a valid form: stripped text, blanks as {@code null}. */
    public Internship toInternship() {
        return new Internship(
                TypeableTextRule.stripped(organisation),
                TypeableTextRule.stripped(supervisorName),
                TypeableTextRule.stripped(supervisorEmail),
                date(startsOn).orElse(null),
                date(endsOn).orElse(null),
                TypeableTextRule.stripped(assignment));
    }

    public FormState failed(FieldErrors errors) {
        return FormState.of(
                "internship",
                null,
                errors,
                "organisation",
                organisation,
                "supervisorName",
                supervisorName,
                "supervisorEmail",
                supervisorEmail,
                "startsOn",
                startsOn,
                "endsOn",
                endsOn,
                "assignment",
                assignment);
    }

    /**
     * The date of {@code value} as a date input sends it (ISO, yyyy-mm-dd), within years people plan internships
     * in; empty for blank or wrong text.
     */
    static Optional<LocalDate> date(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            return date.getYear() < 1990 || date.getYear() > 2200 ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
