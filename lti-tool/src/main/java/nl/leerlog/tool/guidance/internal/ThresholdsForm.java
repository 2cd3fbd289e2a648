package nl.leerlog.tool.guidance.internal;

import jakarta.validation.constraints.NotBlank;
import nl.leerlog.tool.guidance.internal.Urgency.Thresholds;
import nl.leerlog.tool.web.WholeNumber;

/** A course's urgency thresholds as the settings form sends them, kept as typed so a refused form shows it. */
record ThresholdsForm(
        @NotBlank(message = "urgency.settings.error.weeks")
        @WholeNumber(min = 1, max = Thresholds.MAX_WEEKS, message = "urgency.settings.error.weeks")
        String neverAskedWeeks,

        @NotBlank(message = "urgency.settings.error.weeks")
        @WholeNumber(min = 1, max = Thresholds.MAX_WEEKS, message = "urgency.settings.error.weeks")
        String silentWeeks) {

    /** The thresholds of a form that passed validation. */
    Thresholds thresholds() {
        return new Thresholds(
                WholeNumber.Validator.parse(neverAskedWeeks).intValue(),
                WholeNumber.Validator.parse(silentWeeks).intValue());
    }
}
