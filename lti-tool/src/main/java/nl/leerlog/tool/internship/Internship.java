package nl.leerlog.tool.internship;

import java.time.LocalDate;

/** A student's internship as they or a coordinator entered it; every part may still be missing. */
public record Internship(
        String organisation,
        String supervisorName,
        String supervisorEmail,
        LocalDate startsOn,
        LocalDate endsOn,
        String assignment) {

    public static final Internship EMPTY = new Internship(null, null, null, null, null, null);
}
