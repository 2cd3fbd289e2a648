package nl.leerlog.tool.internship.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * The last day of the internship is not before its first, reported on {@code endsOn}. Only two valid dates are
 * compared; a wrong date is reported by {@link PlanningDate}.
 */
@Documented
@Constraint(validatedBy = EndNotBeforeStart.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EndNotBeforeStart {

    String message() default "internship.error.end-before-start";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<EndNotBeforeStart, InternshipForm> {

        @Override
        public boolean isValid(InternshipForm form, ConstraintValidatorContext context) {
            if (form == null) {
                return true;
            }
            LocalDate start = InternshipForm.date(form.startsOn()).orElse(null);
            LocalDate end = InternshipForm.date(form.endsOn()).orElse(null);
            if (start == null || end == null || !end.isBefore(start)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("endsOn")
                    .addConstraintViolation();
            return false;
        }
    }
}
