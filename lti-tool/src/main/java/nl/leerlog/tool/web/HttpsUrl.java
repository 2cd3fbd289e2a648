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
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An absolute https URL with a host and no user info, once stripped; plain http only for a loopback host, as a
 * server on a developer's machine. Blank passes: a required URL also says {@code @TypeableText(required = true)}.
 */
@Documented
@Constraint(validatedBy = HttpsUrl.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface HttpsUrl {

    /** The message key for text that is no absolute URL. */
    String message();

    /** The message key for a URL of another scheme than https (or http to a loopback host). */
    String https();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<HttpsUrl, String> {

        private String https;

        @Override
        public void initialize(HttpsUrl annotation) {
            https = annotation.https();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String text = TypeableTextRule.stripped(value);
            if (text == null) {
                return true;
            }
            URI uri = parse(text);
            if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("https") || (scheme.equals("http") && isLoopback(uri.getHost()))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(https).addConstraintViolation();
            return false;
        }

        /** The URI of text that is syntactically one, or {@code null}. */
        public static URI parse(String text) {
            try {
                return new URI(text);
            } catch (URISyntaxException notAUri) {
                return null;
            }
        }

        public static boolean isLoopback(String host) {
            String name = host.toLowerCase(Locale.ROOT);
            return name.equals("localhost")
                    || name.endsWith(".localhost")
                    || name.equals("127.0.0.1")
                    || name.equals("[::1]");
        }
    }
}
