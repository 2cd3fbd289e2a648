package nl.leerlog.tool.registration.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * An LMS for Dynamic Registration tests, served by WireMock on 127.0.0.1: each {@link Site} has its own path,
 * issuer and registration token, with a Moodle-style or Canvas-style OpenID configuration and answer.
 */
final class RegistrationTestPlatform implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The custom fields a public-privacy Canvas registration asks for: Canvas's ids and the login id. */
    static final java.util.Map<String, String> CANVAS_CUSTOM_FIELDS = java.util.Map.of(
            "canvas_user_id",
            "$Canvas.user.id",
            "canvas_course_id",
            "$Canvas.course.id",
            "login_id",
            "$Canvas.user.loginId");

    private final WireMockServer server =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    RegistrationTestPlatform() {
        server.start();
    }

    WireMockServer server() {
        return server;
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** One LMS site: its issuer, the URL of its OpenID configuration, its registration endpoint and token. */
    record Site(String issuer, String configurationPath, String registrationPath, String token, String base) {

        String configurationUrl() {
            return base + configurationPath;
        }

        String registrationUrl() {
            return base + registrationPath;
        }
    }

    /** A Moodle site: the issuer is the site's URL, the endpoints are PHP scripts under it. */
    Site moodleSite() {
        String root = "/moodle-" + UUID.randomUUID();
        return new Site(
                baseUrl() + root,
                root + "/mod/lti/openid-configuration.php",
                root + "/mod/lti/openid-registration.php",
                "moodle-token-" + UUID.randomUUID(),
                baseUrl());
    }

    /** A self-hosted Canvas: the issuer is its host; Canvas's API paths under a per-test prefix. */
    Site canvasSite() {
        String root = "/canvas-" + UUID.randomUUID();
        return new Site(
                baseUrl(),
                root + "/api/lti/security/openid-configuration",
                root + "/api/lti/registrations",
                "eyJ0eXAiOiJKV1QifQ.eyJ1dWlkIjoiMSJ9.c2lnbmF0dXJl",
                baseUrl());
    }

    static Map<String, Object> moodleConfiguration(Site site) {
        String root = site.issuer();
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("issuer", root);
        configuration.put("token_endpoint", root + "/mod/lti/token.php");
        configuration.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        configuration.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
        configuration.put("jwks_uri", root + "/mod/lti/certs.php");
        configuration.put("authorization_endpoint", root + "/mod/lti/auth.php");
        configuration.put("registration_endpoint", site.registrationUrl());
        configuration.put(
                "scopes_supported",
                List.of("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly", "openid"));
        configuration.put("response_types_supported", List.of("id_token"));
        configuration.put("subject_types_supported", List.of("public", "pairwise"));
        configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
        configuration.put("claims_supported", List.of("sub", "iss", "name", "given_name", "family_name", "email"));
        configuration.put(
                "https://purl.imsglobal.org/spec/lti-platform-configuration",
                Map.of(
                        "product_family_code",
                        "moodle",
                        "version",
                        "4.3",
                        "messages_supported",
                        List.of(Map.of("type", "LtiResourceLinkRequest"), Map.of("type", "LtiDeepLinkingRequest"))));
        return configuration;
    }

    static Map<String, Object> canvasConfiguration(Site site) {
        String host = site.issuer();
        String root = site.base() + site.configurationPath().replace("/api/lti/security/openid-configuration", "");
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("issuer", host);
        configuration.put("authorization_endpoint", root + "/api/lti/authorize_redirect");
        configuration.put("registration_endpoint", site.registrationUrl());
        configuration.put("jwks_uri", root + "/api/lti/security/jwks");
        configuration.put("token_endpoint", root + "/login/oauth2/token");
        configuration.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        configuration.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
        configuration.put(
                "scopes_supported",
                List.of("openid", "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"));
        configuration.put("subject_types_supported", List.of("public"));
        configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
        configuration.put(
                "claims_supported", List.of("sub", "picture", "email", "name", "given_name", "family_name", "locale"));
        configuration.put(
                "https://purl.imsglobal.org/spec/lti-platform-configuration",
                Map.of(
                        "product_family_code",
                        "canvas",
                        "version",
                        "vCloud",
                        "messages_supported",
                        List.of(Map.of(
                                "type",
                                "LtiResourceLinkRequest",
                                "placements",
                                List.of("https://canvas.instructure.com/lti/course_navigation"))),
                        "https://canvas.instructure.com/lti/account_name",
                        "Hogeschool Voorbeeld"));
        return configuration;
    }

    /** The platform's answer to a registration: the request echoed with a client id and, if given, a deployment. */
    static Map<String, Object> registrationAnswer(String clientId, String deploymentId) {
        Map<String, Object> toolConfiguration = new LinkedHashMap<>();
        toolConfiguration.put("domain", "localhost");
        toolConfiguration.put("messages", List.of(Map.of("type", "LtiResourceLinkRequest")));
        if (deploymentId != null) {
            toolConfiguration.put("deployment_id", deploymentId);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("client_id", clientId);
        answer.put("application_type", "web");
        answer.put("response_types", List.of("id_token"));
        answer.put("https://purl.imsglobal.org/spec/lti-tool-configuration", toolConfiguration);
        return answer;
    }

    /** Serves the site's configuration to requests with its token. */
    void serveConfiguration(Site site, Map<String, Object> configuration) {
        server.stubFor(get(urlPathEqualTo(site.configurationPath()))
                .withHeader("Authorization", equalTo("Bearer " + site.token()))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(JSON.writeValueAsString(configuration))));
    }

    /** Answers a registration POSTed as JSON with the site's token (DR §3.5.2); anything else gets WireMock's 404. */
    void answerRegistration(Site site, int status, Map<String, Object> answer) {
        server.stubFor(post(urlPathEqualTo(site.registrationPath()))
                .withHeader("Authorization", equalTo("Bearer " + site.token()))
                .withHeader("Content-Type", containing("application/json"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(answer == null ? "{\"error\":\"invalid_token\"}" : JSON.writeValueAsString(answer))));
    }

    List<LoggedRequest> registrationRequests(Site site) {
        return server.findAll(postRequestedFor(urlPathEqualTo(site.registrationPath())));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(LoggedRequest request) {
        return JSON.readValue(request.getBodyAsString(), Map.class);
    }

    @Override
    public void close() {
        server.stop();
    }
}
