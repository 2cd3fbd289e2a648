package nl.leerlog.tool.cafe.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import nl.leerlog.tool.web.HttpsUrl;
import nl.leerlog.tool.web.OneOf;
import nl.leerlog.tool.web.TypeableText;
import nl.leerlog.tool.web.WholeNumber;

/** The group's weekly meeting as the coach sets it: a weekday, a time (Europe/Amsterdam), how long, a video link. */
record MeetingForm(
        @NotBlank(message = "cafe.meeting.error.weekday")
        @OneOf(value = DayOfWeek.class, message = "cafe.meeting.error.weekday")
        String weekday,

        @NotBlank(message = "cafe.meeting.error.time") @MeetingForm.TimeOfDay
        String time,

        @NotBlank(message = "cafe.meeting.error.duration")
        @WholeNumber(min = 15, max = 240, message = "cafe.meeting.error.duration")
        String duration,

        @TypeableText(max = 500, required = true, singleLine = true, keys = "cafe.meeting.error.link.")
        @HttpsUrl(message = "cafe.meeting.error.link.url", https = "cafe.meeting.error.link.https")
        String link) {

    static MeetingForm of(CafeMeetings.Meeting meeting) {
        return meeting == null
                ? new MeetingForm("", "", "60", "")
                : new MeetingForm(
                        meeting.weekday().name(),
                        meeting.startsAt().toString(),
                        Integer.toString(meeting.durationMinutes()),
                        meeting.link());
    }

    DayOfWeek day() {
        return OneOf.Validator.constant(DayOfWeek.class, weekday);
    }

    LocalTime startsAt() {
        return LocalTime.parse(time.strip());
    }

    /** A time of day as {@code HH:mm}, what a time input sends; blank is {@code @NotBlank}'s to say. */
    @Documented
    @Constraint(validatedBy = TimeOfDay.Validator.class)
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @interface TimeOfDay {
        String message() default "cafe.meeting.error.time";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<TimeOfDay, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                if (value == null || value.isBlank()) {
                    return true;
                }
                try {
                    LocalTime.parse(value.strip());
                    return value.strip().length() == 5;
                } catch (DateTimeParseException notATime) {
                    return false;
                }
            }
        }
    }
}
