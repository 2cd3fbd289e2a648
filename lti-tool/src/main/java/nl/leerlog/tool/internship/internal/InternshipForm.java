package nl.leerlog.tool.internship.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormState;

/** The internship form as it is sent: every field is text until checked. */
public record InternshipForm(
        String organisation,
        String supervisorName,
        String supervisorEmail,
        String startsOn,
        String endsOn,
        String assignment) {

    /**
     * An address as people type it: one @, no spaces, a dot in the domain. Deliberately not RFC 5322 in full:
     * the point is to catch typing mistakes, and nothing is ever sent to it from here.
     */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    /** The checked internship, or the errors by field. */
    public record Checked(Internship internship, FieldErrors errors) {}

    public static InternshipForm of(Internship internship) {
        return new InternshipForm(
                internship.organisation(),
                internship.supervisorName(),
                internship.supervisorEmail(),
                text(internship.startsOn()),
                text(internship.endsOn()),
                internship.assignment());
    }

    public Checked check() {
        FieldErrors.Builder errors = new FieldErrors.Builder();
        String checkedOrganisation = errors.optional("organisation", organisation, 300);
        String checkedSupervisor = errors.optional("supervisorName", supervisorName, 200);
        String checkedEmail = errors.optional("supervisorEmail", supervisorEmail, 320);
        if (checkedEmail != null && !EMAIL.matcher(checkedEmail).matches()) {
            errors.reject("supervisorEmail", "internship.error.email");
            checkedEmail = null;
        }
        LocalDate start = date(errors, "startsOn", startsOn);
        LocalDate end = date(errors, "endsOn", endsOn);
        if (start != null && end != null && end.isBefore(start)) {
            errors.reject("endsOn", "internship.error.end-before-start");
        }
        String checkedAssignment = errors.optional("assignment", assignment, 4000);
        return new Checked(
                new Internship(checkedOrganisation, checkedSupervisor, checkedEmail, start, end, checkedAssignment),
                errors.build());
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

    /** A date as a date input sends it (ISO, yyyy-mm-dd), within years people plan internships in. */
    private static LocalDate date(FieldErrors.Builder errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 1990 || date.getYear() > 2200) {
                errors.reject(field, "internship.error.date");
                return null;
            }
            return date;
        } catch (DateTimeParseException notADate) {
            errors.reject(field, "internship.error.date");
            return null;
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
