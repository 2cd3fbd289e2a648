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
import java.util.regex.Pattern;
import nl.leerlog.tool.system.DatabaseText;

/**
 * An address as people type it: one @, no spaces, a dot in the domain; blank passes. Deliberately not RFC 5322 in
 * full: the point is to catch typing mistakes, and nothing is ever sent to it from here.
 */
@Documented
@Constraint(validatedBy = InternshipEmail.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface InternshipEmail {

    String message() default "internship.error.email";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<InternshipEmail, String> {

        private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

        /** The longest address there can be; longer text is refused as too long by its text constraint. */
        private static final int MAX_LENGTH = 320;

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            String text = value.strip();
            // Leave characters and length to @TypeableText, so the field shows one error, always the same one.
            if (!DatabaseText.typeable(text) || text.length() > MAX_LENGTH) {
                return true;
            }
            return EMAIL.matcher(text).matches();
        }
    }
}
