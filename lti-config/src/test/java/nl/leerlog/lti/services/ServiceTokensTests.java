package nl.leerlog.lti.services;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.leerlog.lti.http.PlatformHttp;
import nl.leerlog.lti.http.PlatformHttpSettings;
import nl.leerlog.lti.http.PublicAddressGuard;
import nl.leerlog.lti.keys.GeneratedToolKeys;
import nl.leerlog.lti.keys.ToolKeys;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.lti.testing.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client-credentials grant with a signed JWT assertion (Sec §4.1), against a WireMock token endpoint. */
class ServiceTokensTests {

    private static final Set<String> NRPS = Set.of(NamesRoleService.CONTEXT_MEMBERSHIP_READONLY);

    private final TestPlatform platform = TestPlatform.start();
    private final PlatformRegistration registration = platform.registration();
    private final ToolKeys keys = new GeneratedToolKeys();
    private final MovableClock clock = MovableClock.standingAt(Instant.parse("2026-03-02T09:00:00Z"));
    private final ServiceCallSettings settings =
            ServiceCallSettings.defaults().withFirstRetryDelay(Duration.ofMillis(5));
    private final PlatformHttp http = TestPlatform.localHttp();
    private final ServiceTokens tokens = new ServiceTokens(keys, new ServiceCalls(http, settings), clock, settings);

    @AfterEach
    void stopPlatform() throws IOException {
        platform.close();
        http.close();
    }

    @Test
    void assertionIsSignedByTheToolForTheExactTokenUrl() throws ParseException, JOSEException {
        grantTokens("token-1");

        tokens.token(registration, NRPS);

        Map<String, String> form = form(tokenRequests().getFirst());
        assertThat(form)
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .containsEntry("scope", NamesRoleService.CONTEXT_MEMBERSHIP_READONLY);
        SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
        String kid = assertion.getHeader().getKeyID();
        RSAKey published = (RSAKey) keys.publicKeys().getKeyByKeyId(kid);
        assertThat(published).as("the assertion's kid is in the tool's JWKS").isNotNull();
        assertThat(assertion.verify(new RSASSAVerifier(published))).isTrue();
        JWTClaimsSet claims = assertion.getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(platform.tokenUri().toString());
        assertThat(claims.getIssuer()).isEqualTo(registration.clientId());
        assertThat(claims.getSubject()).isEqualTo(registration.clientId());
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant());
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void everyAssertionHasItsOwnJti() throws ParseException {
        grantTokens("token-1");

        tokens.token(registration, NRPS);
        tokens.token(registration, Set.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"));

        List<String> jtis = tokenRequests().stream()
                .map(request -> jti(form(request).get("client_assertion")))
                .toList();
        assertThat(jtis).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void tokenIsCachedAcrossCallsUntilShortlyBeforeItExpires() {
        platform.server()
                .stubFor(post(urlEqualTo("/token"))
                        .inScenario("tokens")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("second")
                        .willReturn(okJson(tokenJson("token-1", 3600))));
        platform.server()
                .stubFor(post(urlEqualTo("/token"))
                        .inScenario("tokens")
                        .whenScenarioStateIs("second")
                        .willReturn(okJson(tokenJson("token-2", 3600))));

        AccessToken first = tokens.token(registration, NRPS);
        clock.advance(Duration.ofSeconds(3600 - 61));
        AccessToken stillCached = tokens.token(registration, NRPS);

        assertThat(first.value()).isEqualTo("token-1");
        assertThat(stillCached).isEqualTo(first);
        assertThat(tokenRequests()).hasSize(1);

        clock.advance(Duration.ofSeconds(2)); // now less than 60 s before expiry
        AccessToken renewed = tokens.token(registration, NRPS);

        assertThat(renewed.value()).isEqualTo("token-2");
        assertThat(tokenRequests()).hasSize(2);
    }

    @Test
    void forgottenTokenIsFetchedAnew() {
        grantTokens("token-1");
        AccessToken first = tokens.token(registration, NRPS);

        tokens.forget(registration, first);
        tokens.token(registration, NRPS);

        assertThat(tokenRequests()).hasSize(2);
    }

    @Test
    void refusalNamesTheRegistrationAndTheOauthError() {
        platform.server()
                .stubFor(post(urlEqualTo("/token"))
                        .willReturn(aResponse()
                                .withStatus(400)
                                .withHeader("Content-Type", "application/json")
                                .withBody(
                                        "{\"error\":\"invalid_scope\",\"error_description\":\"scope not enabled\"}")));

        assertThatThrownBy(() -> tokens.token(registration, NRPS))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.registration()).isEqualTo(registration.id());
                    assertThat(e.getMessage())
                            .contains(registration.id().toString(), "invalid_scope", "scope not enabled");
                });
        assertThat(tokenRequests()).as("a refusal is not retried").hasSize(1);
    }

    @Test
    void serverErrorIsRetriedWithBackoff() {
        platform.server()
                .stubFor(post(urlEqualTo("/token"))
                        .inScenario("flaky")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("recovered")
                        .willReturn(aResponse().withStatus(503)));
        platform.server()
                .stubFor(post(urlEqualTo("/token"))
                        .inScenario("flaky")
                        .whenScenarioStateIs("recovered")
                        .willReturn(okJson(tokenJson("token-after-retry", 3600))));

        assertThat(tokens.token(registration, NRPS).value()).isEqualTo("token-after-retry");
        assertThat(tokenRequests()).hasSize(2);
    }

    @Test
    void brokenConnectionIsRetried() {
        platform.server()
                .stubFor(post(urlEqualTo("/token"))
                        .inScenario("reset")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("recovered")
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        platform.server()
                .stubFor(post(urlEqualTo("/token"))
                        .inScenario("reset")
                        .whenScenarioStateIs("recovered")
                        .willReturn(okJson(tokenJson("token-after-reset", 3600))));

        assertThat(tokens.token(registration, NRPS).value()).isEqualTo("token-after-reset");
    }

    @Test
    void platformThatStaysDownFailsAfterThreeAttempts() {
        platform.server()
                .stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> tokens.token(registration, NRPS))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).contains(registration.id().toString(), "3 times");
                });
        assertThat(tokenRequests()).hasSize(3);
    }

    @Test
    void answerWithoutBearerTokenIsAClearError() {
        platform.server().stubFor(post(urlEqualTo("/token")).willReturn(okJson("{\"token_type\":\"Bearer\"}")));

        assertThatThrownBy(() -> tokens.token(registration, NRPS))
                .isInstanceOf(ServiceCallException.class)
                .hasMessageContaining(registration.id().toString());
    }

    @Test
    void registrationWithoutTokenUrlCannotCallServices() {
        PlatformRegistration withoutTokenUrl = new PlatformRegistration(
                registration.issuer(),
                registration.clientId(),
                registration.deploymentIds(),
                registration.authorizationUri(),
                registration.jwkSetUri(),
                null,
                registration.algorithms(),
                null);

        assertThatThrownBy(() -> tokens.token(withoutTokenUrl, NRPS))
                .isInstanceOf(ServiceCallException.class)
                .hasMessageContaining("no token URL");
        assertThat(tokenRequests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void tokenUrlOnAPrivateAddressIsRefusedBeforeAnyRequest(String scheme) throws IOException {
        grantTokens("token-1");
        PlatformRegistration registration = platform.registrationOver(scheme);
        try (PlatformHttp production =
                new PlatformHttp(new PublicAddressGuard(false), PlatformHttpSettings.defaults())) {
            ServiceTokens guarded = new ServiceTokens(keys, new ServiceCalls(production, settings), clock, settings);

            assertThatThrownBy(() -> guarded.token(registration, NRPS))
                    .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                        assertThat(e.status()).isZero();
                        assertThat(e.getMessage())
                                .contains(registration.id().toString(), "token request", "may not call");
                    });
        }
        assertThat(platform.server().getAllServeEvents())
                .as("WireMock received nothing")
                .isEmpty();
    }

    private void grantTokens(String value) {
        platform.server().stubFor(post(urlEqualTo("/token")).willReturn(okJson(tokenJson(value, 3600))));
    }

    static String tokenJson(String value, long expiresIn) {
        return "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + ",\"scope\":\"" + NamesRoleService.CONTEXT_MEMBERSHIP_READONLY + "\"}";
    }

    private List<LoggedRequest> tokenRequests() {
        return platform.server().findAll(postRequestedFor(urlEqualTo("/token")));
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        Arrays.stream(request.getBodyAsString().split("&"))
                .map(pair -> pair.split("=", 2))
                .forEach(pair -> form.put(
                        URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        return form;
    }

    private static String jti(String assertion) {
        try {
            return SignedJWT.parse(assertion).getJWTClaimsSet().getJWTID();
        } catch (ParseException e) {
            throw new AssertionError("client_assertion is not a JWT: " + assertion, e);
        }
    }
}
