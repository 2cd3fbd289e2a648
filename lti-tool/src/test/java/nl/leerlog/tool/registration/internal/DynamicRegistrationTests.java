package nl.leerlog.tool.registration.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.tool.registration.RegistrationSource;
import nl.leerlog.tool.registration.RegistrationStatus;
import nl.leerlog.tool.registration.StoredRegistration;
import nl.leerlog.tool.registration.internal.RegistrationTestPlatform.Site;
import nl.leerlog.tool.system.SupportedLocales;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.TestPropertySource;

/**
 * LTI Dynamic Registration 1.0 over real HTTP, with WireMock on 127.0.0.1 as the LMS (so private hosts are
 * allowed here) and registrations pending approval, as in production. Each test registers a site of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "lti.platform-http.allow-private-hosts=true",
            "leerlog.registration.initial-status=PENDING",
            "spring.datasource.url=jdbc:h2:mem:dynamic-registration-tests;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        })
class DynamicRegistrationTests {

    static final RegistrationTestPlatform LMS = new RegistrationTestPlatform();
    static final HttpClient BROWSER =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    @AfterAll
    static void stopLms() {
        LMS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    RegistrationRepository repository;

    @Autowired
    MessageSource messages;

    @Test
    void moodleSiteIsRegisteredAndKeptPendingWithItsDeployment() {
        Site site = LMS.moodleSite();
        LMS.serveConfiguration(site, RegistrationTestPlatform.moodleConfiguration(site));
        LMS.answerRegistration(site, 200, RegistrationTestPlatform.registrationAnswer("moodle-client-1", "2"));

        HttpResponse<String> page = open(site, "en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-registration-status=\"PENDING\"")
                .contains(text("registration.done.title", Locale.ENGLISH))
                .contains(text("registration.done.pending", Locale.ENGLISH))
                .contains("/js/registration-close.js")
                .doesNotContain("<script>");
        StoredRegistration stored =
                repository.find(site.issuer(), "moodle-client-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(stored.source()).isEqualTo(RegistrationSource.DYNAMIC);
        assertThat(stored.deploymentIds()).containsExactly("2");
        assertThat(stored.details().authorizationUri()).hasToString(site.issuer() + "/mod/lti/auth.php");
        assertThat(stored.details().jwkSetUri()).hasToString(site.issuer() + "/mod/lti/certs.php");
        assertThat(stored.details().tokenUri()).hasToString(site.issuer() + "/mod/lti/token.php");
        assertThat(stored.details().algorithms()).containsExactly("RS256");
        assertThat(stored.details().platformName()).isEqualTo("moodle");
        assertThat(stored.details().privacyLevel()).as("a Canvas setting only").isNull();
    }

    @Test
    void theRegistrationPostedIsTheToolsClientRegistration() {
        Site site = LMS.moodleSite();
        LMS.serveConfiguration(site, RegistrationTestPlatform.moodleConfiguration(site));
        LMS.answerRegistration(site, 200, RegistrationTestPlatform.registrationAnswer("moodle-client-2", "3"));

        assertThat(open(site, "en").statusCode()).isEqualTo(200);

        // DR §3.5.2: JSON, with the registration token as bearer (the stub only answers such a request).
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> posts = LMS.registrationRequests(site);
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).getHeader("Authorization")).isEqualTo("Bearer " + site.token());
        assertThat(posts.get(0).getHeader("Content-Type")).startsWith("application/json");
        Map<String, Object> body = RegistrationTestPlatform.body(posts.get(0));
        String tool = "http://localhost:" + port;
        assertThat(body)
                .containsEntry("application_type", "web")
                .containsEntry("response_types", List.of("id_token"))
                .containsEntry("grant_types", List.of("implicit", "client_credentials"))
                .containsEntry("initiate_login_uri", tool + "/lti/login")
                .containsEntry("redirect_uris", List.of(tool + "/lti/launch"))
                .containsEntry("client_name", text("registration.tool.name", Locale.ENGLISH))
                .containsEntry("client_name#nl", text("registration.tool.name", SupportedLocales.DUTCH))
                .containsEntry("jwks_uri", tool + "/.well-known/jwks.json")
                .containsEntry("logo_uri", tool + "/images/leerlog-icon.svg")
                .containsEntry("token_endpoint_auth_method", "private_key_jwt")
                .containsEntry("scope", NRPS);
        assertThat(body)
                .extractingByKey("https://purl.imsglobal.org/spec/lti-tool-configuration", as(MAP))
                .containsEntry("domain", "localhost:" + port)
                .containsEntry("target_link_uri", tool + "/lti/launch")
                .containsEntry("claims", List.of("iss", "sub", "name", "given_name", "family_name", "email", "locale"))
                .containsEntry("custom_parameters", RegistrationTestPlatform.CANVAS_CUSTOM_FIELDS)
                .containsEntry("https://canvas.instructure.com/lti/privacy_level", "public")
                .extractingByKey("messages", as(LIST))
                .singleElement(as(MAP))
                .containsEntry("type", "LtiResourceLinkRequest")
                .containsEntry("target_link_uri", tool + "/lti/launch")
                .containsEntry("label", text("registration.tool.placement-label", Locale.ENGLISH))
                .containsEntry("label#nl", text("registration.tool.placement-label", SupportedLocales.DUTCH))
                .containsEntry("placements", List.of("course_navigation"));
    }

    @Test
    void canvasIsRegisteredWithTheDeploymentFromItsAnswer() {
        Site site = LMS.canvasSite();
        String clientId = "1000000000" + (System.nanoTime() % 10000);
        LMS.serveConfiguration(site, RegistrationTestPlatform.canvasConfiguration(site));
        LMS.answerRegistration(
                site,
                200,
                RegistrationTestPlatform.registrationAnswer(clientId, "123:8865aa05b4b79b64a91a86042e43af5ea8ae79eb"));

        HttpResponse<String> page = open(site, "nl");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(text("registration.done.title", SupportedLocales.DUTCH))
                .contains(text("registration.done.pending", SupportedLocales.DUTCH))
                .contains("123:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");
        StoredRegistration stored = repository.find(site.issuer(), clientId).orElseThrow();
        assertThat(stored.deploymentIds()).containsExactly("123:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");
        assertThat(stored.details().platformName()).isEqualTo("canvas");
        assertThat(stored.details().privacyLevel()).isEqualTo("public");
        assertThat(stored.details().tokenUri().toString()).endsWith("/login/oauth2/token");
    }

    @Test
    void thePageMayBeFramedByThePlatformThatOpenedIt() {
        Site site = LMS.moodleSite();
        LMS.serveConfiguration(site, RegistrationTestPlatform.moodleConfiguration(site));
        LMS.answerRegistration(site, 200, RegistrationTestPlatform.registrationAnswer("moodle-client-frame", "4"));

        HttpResponse<String> page = open(site, "en");

        assertThat(page.headers().allValues("Content-Security-Policy"))
                .singleElement(as(STRING))
                .contains("script-src 'self'")
                .endsWith("frame-ancestors 'self' " + LMS.baseUrl());
    }

    @Test
    void anAnswerWithoutDeploymentIsStoredAndThePageSaysADeploymentIsStillNeeded() {
        Site site = LMS.moodleSite();
        LMS.serveConfiguration(site, RegistrationTestPlatform.moodleConfiguration(site));
        LMS.answerRegistration(site, 200, RegistrationTestPlatform.registrationAnswer("moodle-client-nodep", null));

        HttpResponse<String> page = open(site, "en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(text("registration.done.no-deployment", Locale.ENGLISH));
        assertThat(repository
                        .find(site.issuer(), "moodle-client-nodep")
                        .orElseThrow()
                        .deploymentIds())
                .isEmpty();
    }

    @Test
    void issuerOnAnotherHostThanTheConfigurationIsRefusedBeforeRegistering() {
        Site site = LMS.moodleSite();
        Map<String, Object> configuration = RegistrationTestPlatform.moodleConfiguration(site);
        configuration.put("issuer", "https://lms.example.edu");
        LMS.serveConfiguration(site, configuration);
        LMS.answerRegistration(site, 200, RegistrationTestPlatform.registrationAnswer("never-stored", "1"));

        HttpResponse<String> page = open(site, "en");

        assertRefused(page, 422, RegistrationError.CONFIGURATION_INVALID, Locale.ENGLISH);
        assertThat(page.body()).contains("issuer");
        assertThat(LMS.registrationRequests(site)).isEmpty();
        assertThat(repository.find("https://lms.example.edu", "never-stored")).isEmpty();
    }

    @Test
    void configurationWithoutRegistrationEndpointIsRefusedNamingTheField() {
        Site site = LMS.moodleSite();
        Map<String, Object> configuration = RegistrationTestPlatform.moodleConfiguration(site);
        configuration.remove("registration_endpoint");
        LMS.serveConfiguration(site, configuration);

        HttpResponse<String> page = open(site, "nl");

        assertRefused(page, 422, RegistrationError.CONFIGURATION_INVALID, SupportedLocales.DUTCH);
        assertThat(page.body()).contains("registration_endpoint");
        assertThat(LMS.registrationRequests(site)).isEmpty();
    }

    @Test
    void expiredTokenAtTheRegistrationEndpointGivesAdviceToStartAgain() {
        Site site = LMS.moodleSite();
        LMS.serveConfiguration(site, RegistrationTestPlatform.moodleConfiguration(site));
        LMS.answerRegistration(site, 401, null);

        HttpResponse<String> page = open(site, "en");

        assertRefused(page, 403, RegistrationError.TOKEN_REFUSED, Locale.ENGLISH);
        assertThat(repository.list()).noneMatch(r -> r.details().issuer().equals(site.issuer()));
    }

    @Test
    void secondRegistrationWithTheSameClientIdIsRefusedAndChangesNothing() {
        Site site = LMS.moodleSite();
        LMS.serveConfiguration(site, RegistrationTestPlatform.moodleConfiguration(site));
        LMS.answerRegistration(site, 200, RegistrationTestPlatform.registrationAnswer("moodle-client-dup", "5"));
        assertThat(open(site, "en").statusCode()).isEqualTo(200);
        StoredRegistration first =
                repository.find(site.issuer(), "moodle-client-dup").orElseThrow();

        LMS.answerRegistration(site, 200, RegistrationTestPlatform.registrationAnswer("moodle-client-dup", "6"));
        HttpResponse<String> again = open(site, "en");

        assertRefused(again, 409, RegistrationError.DUPLICATE, Locale.ENGLISH);
        assertThat(repository.find(site.issuer(), "moodle-client-dup")).contains(first);
        assertThat(repository.list().stream().filter(r -> r.details().issuer().equals(site.issuer())))
                .hasSize(1);
    }

    @Test
    void platformThatCannotBeReachedGivesAFriendlyPage() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        HttpResponse<String> page =
                open("http://127.0.0.1:" + closedPort + "/.well-known/openid-configuration", "token", "en");

        assertRefused(page, 424, RegistrationError.PLATFORM_UNREACHABLE, Locale.ENGLISH);
    }

    @Test
    void configurationThatIsNotJsonIsRefused() {
        Site site = LMS.moodleSite();
        LMS.server()
                .stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                        site.configurationPath()))
                        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                .withHeader("Content-Type", "text/html")
                                .withBody("<html>Moodle login</html>")));

        assertRefused(open(site, "en"), 422, RegistrationError.CONFIGURATION_INVALID, Locale.ENGLISH);
    }

    @Test
    void pageOpenedWithoutConfigurationUrlExplainsWhereToStart() throws Exception {
        HttpResponse<String> page = BROWSER.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lti/registration"))
                        .header("Accept-Language", "nl-NL,nl;q=0.9")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertRefused(page, 400, RegistrationError.CONFIGURATION_URL_MISSING, SupportedLocales.DUTCH);
    }

    @Test
    void configurationUrlThatIsNotAWebAddressIsRefused() {
        assertRefused(
                open("file:///etc/passwd", "token", "en"),
                400,
                RegistrationError.CONFIGURATION_URL_INVALID,
                Locale.ENGLISH);
        assertRefused(
                open("http://user:secret@127.0.0.1:" + LMS.server().port() + "/x", "token", "en"),
                400,
                RegistrationError.CONFIGURATION_URL_INVALID,
                Locale.ENGLISH);
        assertRefused(
                open("not a url", "token", "en"), 400, RegistrationError.CONFIGURATION_URL_INVALID, Locale.ENGLISH);
    }

    @Test
    void registrationTokenThatCannotBeABearerTokenIsRefusedBeforeAnyRequest() {
        Site site = LMS.moodleSite();
        int before = LMS.server().findAll(anyRequestedFor(anyUrl())).size();

        HttpResponse<String> page = open(site.configurationUrl(), "token\r\nX-Injected: yes", "en");

        assertRefused(page, 400, RegistrationError.TOKEN_INVALID, Locale.ENGLISH);
        assertThat(LMS.server().findAll(anyRequestedFor(anyUrl()))).hasSize(before);
    }

    @Test
    void canvasDeveloperKeyUsesTheRequestsOriginWithoutConfiguredToolUrl() throws Exception {
        HttpResponse<String> json = BROWSER.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lti/canvas.json"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(json.statusCode()).isEqualTo(200);
        Map<String, Object> key = RegistrationTestPlatform.JSON.readValue(json.body(), Map.class);
        assertThat(key)
                .containsEntry("oidc_initiation_url", "http://localhost:" + port + "/lti/login")
                .containsEntry("target_link_uri", "http://localhost:" + port + "/lti/launch")
                .containsEntry("public_jwk_url", "http://localhost:" + port + "/.well-known/jwks.json");
    }

    private HttpResponse<String> open(Site site, String language) {
        return open(site.configurationUrl(), site.token(), language);
    }

    private HttpResponse<String> open(String configurationUrl, String token, String language) {
        String query = "openid_configuration=" + URLEncoder.encode(configurationUrl, StandardCharsets.UTF_8)
                + "&registration_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        try {
            return BROWSER.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lti/registration?" + query))
                            .header("Accept-Language", language)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A friendly page in the admin's language, naming the error, with advice; no stack trace. */
    private void assertRefused(HttpResponse<String> page, int status, RegistrationError error, Locale locale) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains("data-error-code=\"" + error.code() + "\"")
                .contains(text("registration.failed.title", locale))
                .contains(html(text(error.messageKey(), locale)))
                .contains(html(text(error.adviceKey(), locale)))
                .doesNotContain("Exception")
                .doesNotContain("at nl.leerlog");
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String html(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text);
    }
}
