package nl.leerlog.tool.guidance.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import nl.leerlog.tool.web.TypeableText;

/**
 * A snooze as the teacher fills it in: until which day, and a note to self. Whether the day lies ahead and within
 * the longest snooze depends on today, so the controller checks that after validation.
 */
record SnoozeForm(
        @NotBlank(message = "urgency.snooze.error.until")
        @Pattern(regexp = "\\s*\\d{4}-\\d{2}-\\d{2}\\s*", message = "urgency.snooze.error.until")
        String until,

        @TypeableText(max = UrgencyController.MAX_NOTE) String note) {

    /** The day of a validated form, or {@code null} when it is no calendar day (e.g. 2026-02-30). */
    LocalDate day() {
        try {
            return LocalDate.parse(until.strip());
        } catch (java.time.format.DateTimeParseException noSuchDay) {
            return null;
        }
    }

    String noteText() {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
