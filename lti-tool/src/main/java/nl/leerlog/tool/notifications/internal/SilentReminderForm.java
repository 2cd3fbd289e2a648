package nl.leerlog.tool.notifications.internal;

import jakarta.validation.constraints.NotBlank;
import nl.leerlog.tool.web.WholeNumber;

/** The course's reminder to silent students as the form sends it, kept as typed so a refused form shows it. */
record SilentReminderForm(
        String on,

        @NotBlank(message = "notifications.silent.error.weeks")
        @WholeNumber(
                min = ReminderSettings.MIN_WEEKS,
                max = ReminderSettings.MAX_WEEKS,
                message = "notifications.silent.error.weeks")
        String weeks) {

    boolean turnedOn() {
        return "on".equals(on);
    }

    /** The weeks of a form that passed validation. */
    int weekCount() {
        return WholeNumber.Validator.parse(weeks).intValue();
    }
}
