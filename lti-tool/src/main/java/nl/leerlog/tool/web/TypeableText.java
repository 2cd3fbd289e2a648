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
@Target({
    ElementType.FIELD,
    ElementType.RECORD_COMPONENT,
    ElementType.PARAMETER,
    ElementType.METHOD,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface TypeableText {

    /** The longest stripped text the column holds. */
    int max();

    boolean required() default false;

    /** No control character at all, so neither tabs nor line breaks: an identifier or an address. */
    boolean singleLine() default false;

    /** The start of the message keys reported: followed by {@code required}, {@code characters}, {@code too-long}. */
    String keys() default TypeableTextRule.PROGRAMME_KEYS;

    String message() default "programme.error.characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<TypeableText, String> {

        private TypeableTextRule rule;

        @Override
        public void initialize(TypeableText annotation) {
            rule = new TypeableTextRule(
                    annotation.max(), annotation.required(), annotation.singleLine(), annotation.keys());
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
