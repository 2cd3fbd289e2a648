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
import java.util.Arrays;
import java.util.Locale;

/**
 * Text that names one of the constants of an enum, once stripped and upper-cased (a select or radio button's
 * value). Blank passes: say {@code @NotBlank} where a choice is required.
 */
@Documented
@Constraint(validatedBy = OneOf.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    /** The message key. */
    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<OneOf, String> {

        private java.util.Set<String> names;

        @Override
        public void initialize(OneOf annotation) {
            names = Arrays.stream(annotation.value().getEnumConstants())
                    .map(Enum::name)
                    .collect(java.util.stream.Collectors.toSet());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String text = TypeableTextRule.stripped(value);
            return text == null || names.contains(text.toUpperCase(Locale.ROOT));
        }

        /** The constant {@code value} names, or {@code null} when blank or no constant. */
        public static <E extends Enum<E>> E constant(Class<E> type, String value) {
            String text = TypeableTextRule.stripped(value);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }
    }
}
