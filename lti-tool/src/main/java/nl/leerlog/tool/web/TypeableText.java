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
 * Free text a person typed ({@link TypeableTextRule}). The violation's message is the message key itself, so
 * {@link FieldErrors#of} can hand it to the page as any other field error.
 */
@Documented
@Constraint(validatedBy = TypeableText.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface TypeableText {

    /** The longest stripped text the column holds. */
    int max();

    boolean required() default false;

    String message() default "programme.error.characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<TypeableText, String> {

        private TypeableTextRule rule;

        @Override
        public void initialize(TypeableText annotation) {
            rule = new TypeableTextRule(annotation.max(), annotation.required());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = rule.problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
