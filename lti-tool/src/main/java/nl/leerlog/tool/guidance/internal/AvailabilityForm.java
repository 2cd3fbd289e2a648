package nl.leerlog.tool.guidance.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.util.List;
import nl.leerlog.tool.web.TypeableText;

/** The teacher's expectations as they fill them in on their profile. */
record AvailabilityForm(
        @NotEmpty(message = "availability.error.days") List<DayOfWeek> days,

        @NotNull(message = "availability.error.working-days")
        @Min(value = 1, message = "availability.error.working-days")
        @Max(value = 10, message = "availability.error.working-days")
        Integer workingDays,

        @TypeableText(max = 300) String note) {

    AvailabilityForm {
        days = days == null ? List.of() : List.copyOf(days);
    }

    static AvailabilityForm of(Availability availability) {
        return new AvailabilityForm(List.copyOf(availability.days()), availability.workingDays(), availability.note());
    }

    Availability toAvailability() {
        return new Availability(
                java.util.EnumSet.copyOf(days),
                workingDays,
                note == null || note.isBlank() ? null : note.strip(),
                true);
    }
}
