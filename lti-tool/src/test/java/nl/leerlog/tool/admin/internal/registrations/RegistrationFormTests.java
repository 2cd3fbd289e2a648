package nl.leerlog.tool.admin.internal.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.leerlog.tool.registration.RegistrationDetails;
import nl.leerlog.tool.web.FieldErrors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of the manual registration form that need no other state, as constraints on the form. */
class RegistrationFormTests {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidation() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidation() {
        factory.close();
    }

    private static RegistrationForm form(
            String issuer,
            String deploymentIds,
            String tokenUri,
            List<String> algorithms,
            String skew,
            String privacy) {
        return new RegistrationForm(
                issuer,
                " client-1 ",
                "",
                deploymentIds,
                "https://lms.example.edu/auth",
                "http://localhost:8080/jwks",
                tokenUri,
                algorithms,
                skew,
                privacy);
    }

    private static RegistrationForm valid() {
        return form("https://lms.example.edu", "dep-a\r\ndep-b, dep-a", " ", List.of("RS256", "ES256"), " 30 ", "");
    }

    private static Map<String, String> errors(RegistrationForm form) {
        return FieldErrors.of(validator.validate(form)).byField();
    }

    @Test
    void aValidFormGivesStrippedDetailsAndEachDeploymentOnce() {
        RegistrationForm form = valid();

        assertThat(errors(form)).isEmpty();
        RegistrationDetails details = form.details();
        assertThat(details.clientId()).isEqualTo("client-1");
        assertThat(details.jwkSetUri()).isEqualTo(URI.create("http://localhost:8080/jwks"));
        assertThat(details.tokenUri()).isNull();
        assertThat(details.platformName()).isNull();
        assertThat(details.privacyLevel()).isNull();
        assertThat(details.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(details.algorithms()).containsExactly("ES256", "RS256");
        assertThat(form.deployments()).containsExactly("dep-a", "dep-b");
    }

    @Test
    void anIssuerWithAQueryOrFragmentIsRefused() {
        assertThat(errors(form("https://lms.example.edu/?tenant=1", "", "", List.of("RS256"), "", "")))
                .containsExactly(Map.entry("issuer", "admin.registration.error.issuer-query"));
        assertThat(errors(form("https://lms.example.edu/#top", "", "", List.of("RS256"), "", "")))
                .containsExactly(Map.entry("issuer", "admin.registration.error.issuer-query"));
    }

    @Test
    void aPlainHttpIssuerIsSaidToNeedHttpsNotToHaveAQuery() {
        assertThat(errors(form("http://lms.example.edu/?a=b", "", "", List.of("RS256"), "", "")))
                .containsExactly(Map.entry("issuer", "admin.registration.error.https"));
    }

    @Test
    void anIssuerTooLongIsSaidToBeTooLongRatherThanNoUrl() {
        assertThat(errors(form("not a url " + "x".repeat(255), "", "", List.of("RS256"), "", "")))
                .containsExactly(Map.entry("issuer", "admin.registration.error.too-long"));
    }

    @Test
    void numberRulesAlgorithmsAndPrivacyLevelsAreEachTheirFieldsError() {
        Map<String, String> errors = errors(form(
                "https://lms.example.edu",
                "",
                "https://user@lms.example.edu/token",
                List.of("RS256", "HS256"),
                "601",
                "friends"));

        assertThat(errors)
                .containsOnly(
                        Map.entry("tokenUri", "admin.registration.error.url"),
                        Map.entry("algorithms", "admin.registration.error.algorithm"),
                        Map.entry("clockSkewSeconds", "admin.registration.error.clock-skew"),
                        Map.entry("privacyLevel", "admin.registration.error.privacy-level"));
        assertThat(errors(form("https://lms.example.edu", "", "", List.of(), "-1", "public")))
                .containsOnly(
                        Map.entry("algorithms", "admin.registration.error.rs256"),
                        Map.entry("clockSkewSeconds", "admin.registration.error.clock-skew"));
    }

    @Test
    void deploymentIdsAreSingleLinesThatFitAndNoMoreThanOneFormTakes() {
        String tooMany = IntStream.rangeClosed(1, RegistrationForm.MAX_DEPLOYMENTS + 1)
                .mapToObj(i -> "dep-" + i)
                .collect(Collectors.joining("\n"));

        assertThat(errors(form("https://lms.example.edu", tooMany, "", List.of("RS256"), "", "")))
                .containsExactly(Map.entry("deploymentIds", "admin.registration.error.too-many-deployments"));
        assertThat(errors(form("https://lms.example.edu", "ok\n" + "d".repeat(256), "", List.of("RS256"), "", "")))
                .containsExactly(Map.entry("deploymentIds", "admin.registration.error.too-long"));
        assertThat(errors(form("https://lms.example.edu", "tab\there", "", List.of("RS256"), "", "")))
                .containsExactly(Map.entry("deploymentIds", "admin.registration.error.characters"));
    }

    @Test
    void requiredFieldsSayTheyAreMissing() {
        RegistrationForm blank = new RegistrationForm(null, " ", null, null, null, "", null, null, null, null);

        assertThat(errors(blank))
                .containsOnly(
                        Map.entry("issuer", "admin.registration.error.required"),
                        Map.entry("clientId", "admin.registration.error.required"),
                        Map.entry("authorizationUri", "admin.registration.error.required"),
                        Map.entry("jwkSetUri", "admin.registration.error.required"),
                        Map.entry("algorithms", "admin.registration.error.rs256"));
    }
}
