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

/** Text without spaces inside, once stripped: a code people type and files match on. Blank passes. */
@Documented
@Constraint(validatedBy = OneWord.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneWord {

    /** The message key. */
    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<OneWord, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String text = TypeableTextRule.stripped(value);
            return text == null || text.chars().noneMatch(Character::isWhitespace);
        }
    }
}
