package nl.leerlog.lti.toolconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.leerlog.lti.toolconfig.PlatformConfigurationException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks of a platform's OpenID configuration in Dynamic Registration (DR §3.4, §3.5.1). */
class PlatformConfigurationTests {

    static final URI CONFIGURATION_URL = URI.create("https://moodle.school.nl/mod/lti/openid-configuration.php");

    static Map<String, Object> moodle() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issuer", "https://moodle.school.nl");
        json.put("authorization_endpoint", "https://moodle.school.nl/mod/lti/auth.php");
        json.put("registration_endpoint", "https://moodle.school.nl/mod/lti/openid-registration.php");
        json.put("jwks_uri", "https://moodle.school.nl/mod/lti/certs.php");
        json.put("token_endpoint", "https://moodle.school.nl/mod/lti/token.php");
        json.put("id_token_signing_alg_values_supported", List.of("RS256"));
        json.put(PlatformConfiguration.LTI_PLATFORM_CONFIGURATION, Map.of("product_family_code", "moodle"));
        return json;
    }

    static Map<String, Object> moodleWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> json = moodle();
        change.accept(json);
        return json;
    }

    @Test
    void completeConfigurationIsRead() {
        PlatformConfiguration configuration = PlatformConfiguration.read(moodle(), CONFIGURATION_URL, false);

        assertThat(configuration.issuer()).isEqualTo("https://moodle.school.nl");
        assertThat(configuration.registrationEndpoint())
                .hasToString("https://moodle.school.nl/mod/lti/openid-registration.php");
        assertThat(configuration.tokenEndpoint()).hasToString("https://moodle.school.nl/mod/lti/token.php");
        assertThat(configuration.productFamilyCode()).isEqualTo("moodle");
    }

    @Test
    void issuerOnAnotherHostIsRefused() {
        assertProblem(
                moodleWith(json -> json.put("issuer", "https://evil.example.com")),
                Problem.ISSUER_HOST_MISMATCH,
                "issuer");
    }

    @Test
    void issuerOnASubdomainOfTheConfigurationHostIsRefused() {
        assertProblem(
                moodleWith(json -> json.put("issuer", "https://school.nl")), Problem.ISSUER_HOST_MISMATCH, "issuer");
    }

    @Test
    void plainHttpIssuerIsRefusedUnlessAllowedForDevelopment() {
        Map<String, Object> json = moodleWith(j -> j.put("issuer", "http://moodle.school.nl"));
        assertProblem(json, Problem.ISSUER_INSECURE, "issuer");

        assertThat(PlatformConfiguration.read(json, CONFIGURATION_URL, true).issuer())
                .isEqualTo("http://moodle.school.nl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"moodle.school.nl", "https://moodle.school.nl?x=1", "https://moodle.school.nl#f", "::"})
    void issuerThatIsNotAPlainUrlIsRefused(String issuer) {
        assertProblem(moodleWith(json -> json.put("issuer", issuer)), Problem.ISSUER_INVALID, "issuer");
    }

    @Test
    void missingIssuerIsRefused() {
        assertProblem(moodleWith(json -> json.remove("issuer")), Problem.FIELD_MISSING, "issuer");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "authorization_endpoint",
                "registration_endpoint",
                "jwks_uri",
                "token_endpoint",
                "id_token_signing_alg_values_supported",
                PlatformConfiguration.LTI_PLATFORM_CONFIGURATION
            })
    void missingRequiredFieldIsRefusedByName(String field) {
        assertProblem(moodleWith(json -> json.remove(field)), Problem.FIELD_MISSING, field);
    }

    @Test
    void endpointThatIsNotAnHttpsUrlIsRefused() {
        assertProblem(
                moodleWith(json -> json.put("token_endpoint", "ftp://moodle.school.nl/token")),
                Problem.FIELD_NOT_A_URL,
                "token_endpoint");
        assertProblem(
                moodleWith(json -> json.put("jwks_uri", "http://moodle.school.nl/certs")),
                Problem.FIELD_NOT_A_URL,
                "jwks_uri");
    }

    @Test
    void platformThatDoesNotSignWithRs256IsRefused() {
        assertProblem(
                moodleWith(json -> json.put("id_token_signing_alg_values_supported", List.of("HS256", "ES256"))),
                Problem.RS256_UNSUPPORTED,
                "id_token_signing_alg_values_supported");
    }

    @Test
    void answerWithoutClientIdIsRefused() {
        assertThatThrownBy(() -> ClientRegistrationResponse.read(Map.of("application_type", "web")))
                .isInstanceOf(PlatformConfigurationException.class)
                .extracting(e -> ((PlatformConfigurationException) e).problem())
                .isEqualTo(Problem.CLIENT_ID_MISSING);
    }

    @Test
    void answerWithNumericIdsKeepsThemAsStrings() {
        ClientRegistrationResponse response = ClientRegistrationResponse.read(Map.of(
                "client_id",
                10000000000042L,
                ClientRegistrationRequest.TOOL_CONFIGURATION,
                Map.of("deployment_id", 7)));

        assertThat(response.clientId()).isEqualTo("10000000000042");
        assertThat(response.deploymentId()).contains("7");
    }

    private static void assertProblem(Map<String, Object> json, Problem problem, String field) {
        assertThatThrownBy(() -> PlatformConfiguration.read(json, CONFIGURATION_URL, false))
                .isInstanceOf(PlatformConfigurationException.class)
                .satisfies(e -> {
                    PlatformConfigurationException refusal = (PlatformConfigurationException) e;
                    assertThat(refusal.problem()).isEqualTo(problem);
                    assertThat(refusal.field()).isEqualTo(field);
                });
    }
}
