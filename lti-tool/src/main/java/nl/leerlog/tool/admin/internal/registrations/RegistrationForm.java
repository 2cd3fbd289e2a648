package nl.leerlog.tool.admin.internal.registrations;

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
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.leerlog.tool.registration.RegistrationDetails;
import nl.leerlog.tool.registration.StoredRegistration;
import nl.leerlog.tool.web.HttpsUrl;
import nl.leerlog.tool.web.TypeableText;
import nl.leerlog.tool.web.TypeableTextRule;
import nl.leerlog.tool.web.WholeNumber;

/**
 * What an admin types for a platform without Dynamic Registration, as typed: kept as text so a page with
 * validation errors shows the input exactly as it was. The constraints on it are every rule that needs no other
 * state; each rejects with a message key for its field, so the page shows each error next to its field. Whether
 * the issuer and client id are registered already is the administration's to say.
 *
 * @param deploymentIds one deployment id a line (or separated by commas)
 */
public record RegistrationForm(
        @TypeableText(max = 255, required = true, singleLine = true, keys = KEYS)
        @HttpsUrl(message = KEYS + "url", https = KEYS + "https")
        @IssuerUrl
        String issuer,

        @TypeableText(max = 255, required = true, singleLine = true, keys = KEYS)
        String clientId,

        @TypeableText(max = 255, singleLine = true, keys = KEYS)
        String platformName,

        @DeploymentIds String deploymentIds,

        @TypeableText(max = 2000, required = true, singleLine = true, keys = KEYS)
        @HttpsUrl(message = KEYS + "url", https = KEYS + "https")
        String authorizationUri,

        @TypeableText(max = 2000, required = true, singleLine = true, keys = KEYS)
        @HttpsUrl(message = KEYS + "url", https = KEYS + "https")
        String jwkSetUri,

        @TypeableText(max = 2000, singleLine = true, keys = KEYS)
        @HttpsUrl(message = KEYS + "url", https = KEYS + "https")
        String tokenUri,

        @Algorithms List<String> algorithms,

        @TypeableText(max = 10, singleLine = true, keys = KEYS)
        @WholeNumber(min = 0, max = MAX_CLOCK_SKEW_SECONDS, message = KEYS + "clock-skew")
        String clockSkewSeconds,

        @TypeableText(max = 20, singleLine = true, keys = KEYS) @PrivacyLevel
        String privacyLevel) {

    static final String KEYS = "admin.registration.error.";

    /** RS256 always; a registration may widen it (Sec §5.1.3 step 1 / §5.4; lti.md). */
    static final List<String> ALGORITHMS = List.of("RS256", "RS384", "RS512", "ES256");
    /** Canvas's privacy levels (developer key JSON, canvas.md). */
    static final List<String> PRIVACY_LEVELS = List.of("public", "name_only", "email_only", "anonymous");

    static final int MAX_CLOCK_SKEW_SECONDS = 600;
    static final int MAX_DEPLOYMENTS = 100;

    public RegistrationForm {
        algorithms = algorithms == null ? List.of() : List.copyOf(algorithms);
    }

    /** The registration a valid form describes: stripped text, blanks as {@code null}. */
    RegistrationDetails details() {
        String token = TypeableTextRule.stripped(tokenUri);
        Long skew = WholeNumber.Validator.parse(clockSkewSeconds);
        return new RegistrationDetails(
                TypeableTextRule.stripped(issuer),
                TypeableTextRule.stripped(clientId),
                URI.create(TypeableTextRule.stripped(authorizationUri)),
                URI.create(TypeableTextRule.stripped(jwkSetUri)),
                token == null ? null : URI.create(token),
                new TreeSet<>(algorithms),
                TypeableTextRule.stripped(platformName),
                skew == null ? null : Duration.ofSeconds(skew),
                TypeableTextRule.stripped(privacyLevel));
    }

    /** The deployment ids of a valid form, in the order typed, each once. */
    Set<String> deployments() {
        return new LinkedHashSet<>(lines(deploymentIds));
    }

    private static List<String> lines(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("[\\r\\n,]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** A new registration starts with the one algorithm every LTI platform uses (Sec §5.1.3: RS256). */
    static RegistrationForm blank() {
        return new RegistrationForm("", "", "", "", "", "", "", List.of("RS256"), "", "");
    }

    static RegistrationForm of(StoredRegistration stored) {
        RegistrationDetails details = stored.details();
        Duration skew = details.clockSkew();
        return new RegistrationForm(
                details.issuer(),
                details.clientId(),
                text(details.platformName()),
                String.join("\n", stored.deploymentIds()),
                details.authorizationUri().toString(),
                details.jwkSetUri().toString(),
                details.tokenUri() == null ? "" : details.tokenUri().toString(),
                details.algorithms().stream().sorted().toList(),
                skew == null ? "" : Long.toString(skew.toSeconds()),
                text(details.privacyLevel()));
    }

    /** The same input with another issuer and client id: an edit never changes a registration's identity. */
    RegistrationForm withIdentity(String issuer, String clientId) {
        return new RegistrationForm(
                issuer,
                clientId,
                platformName,
                deploymentIds,
                authorizationUri,
                jwkSetUri,
                tokenUri,
                algorithms,
                clockSkewSeconds,
                privacyLevel);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** An issuer URL without query or fragment (OIDC Core §2, iss: a case-sensitive https URL). */
    @Documented
    @Constraint(validatedBy = IssuerUrl.Validator.class)
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface IssuerUrl {

        String message() default KEYS + "issuer-query";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<IssuerUrl, String> {

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                String text = TypeableTextRule.stripped(value);
                URI uri = text == null ? null : HttpsUrl.Validator.parse(text);
                // Text that is no URL at all is @HttpsUrl's to say.
                return uri == null || (uri.getRawQuery() == null && uri.getRawFragment() == null);
            }
        }
    }

    /** Only listed algorithms, and RS256 among them (Sec §5.1.3 step 1 / §5.4: others only widen it). */
    @Documented
    @Constraint(validatedBy = Algorithms.Validator.class)
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Algorithms {

        String message() default KEYS + "algorithm";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<Algorithms, List<String>> {

            @Override
            public boolean isValid(List<String> chosen, ConstraintValidatorContext context) {
                List<String> algorithms = chosen == null ? List.of() : chosen;
                if (!ALGORITHMS.containsAll(algorithms)) {
                    return false;
                }
                if (algorithms.contains("RS256")) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(KEYS + "rs256").addConstraintViolation();
                return false;
            }
        }
    }

    /** One of Canvas's privacy levels, or none. */
    @Documented
    @Constraint(validatedBy = PrivacyLevel.Validator.class)
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface PrivacyLevel {

        String message() default KEYS + "privacy-level";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<PrivacyLevel, String> {

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                String text = TypeableTextRule.stripped(value);
                return text == null || PRIVACY_LEVELS.contains(text);
            }
        }
    }

    /** Deployment ids one a line: each a single line that fits its column, and not more than one form takes. */
    @Documented
    @Constraint(validatedBy = DeploymentIds.Validator.class)
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface DeploymentIds {

        String message() default KEYS + "too-many-deployments";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<DeploymentIds, String> {

            private static final TypeableTextRule ID = new TypeableTextRule(255, false, true, KEYS);

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                List<String> ids = lines(value);
                for (String id : ids) {
                    String problem = ID.problem(id);
                    if (problem != null) {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
                        return false;
                    }
                }
                return new LinkedHashSet<>(ids).size() <= MAX_DEPLOYMENTS;
            }
        }
    }
}
