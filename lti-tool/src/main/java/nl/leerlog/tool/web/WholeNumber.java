package nl.leerlog.tool.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that is a whole number from {@code min} to {@code max}, once stripped: the field is kept as text so a
 * refused form shows what was typed. Blank passes.
 */
@Documented
@Constraint(validatedBy = WholeNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {

    long min();

    long max();

    /** The message key. */
    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<WholeNumber, String> {

        private long min;
        private long max;

        @Override
        public void initialize(WholeNumber annotation) {
            min = annotation.min();
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String text = TypeableTextRule.stripped(value);
            if (text == null) {
                return true;
            }
            Long number = parse(text);
            return number != null && number >= min && number <= max;
        }

        /** The number the stripped text is, or {@code null} when blank or no whole number. */
        public static Long parse(String value) {
            String text = TypeableTextRule.stripped(value);
            if (text == null) {
                return null;
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
    }
}
