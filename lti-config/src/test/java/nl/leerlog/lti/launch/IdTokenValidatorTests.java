package nl.leerlog.lti.launch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.leerlog.lti.claims.LtiClaims;
import nl.leerlog.lti.claims.LtiLaunch;
import nl.leerlog.lti.failure.LtiError;
import nl.leerlog.lti.failure.LtiLaunchException;
import nl.leerlog.lti.http.PlatformHttp;
import nl.leerlog.lti.http.PlatformHttpSettings;
import nl.leerlog.lti.http.PublicAddressGuard;
import nl.leerlog.lti.login.LoginState;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.lti.testing.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sec §5.1.3 step by step, against a platform whose keys are served over HTTP. */
class IdTokenValidatorTests {

    private static final String TARGET = "https://tool.example.org/lti/launch";

    private TestPlatform platform;
    private final PlatformHttp http = TestPlatform.localHttp();
    private IdTokenValidator validator;
    private LoginState state;

    @BeforeEach
    void startPlatform() {
        platform = TestPlatform.start();
        validator = new IdTokenValidator(
                new PlatformKeys(http, Duration.ofSeconds(10)), Clock.systemUTC(), Duration.ofSeconds(60));
        state = new LoginState(
                "state-1",
                "nonce-1",
                "binding",
                platform.registration().id(),
                TARGET,
                null,
                "https://platform.example.edu",
                Instant.now().plusSeconds(600));
    }

    @AfterEach
    void stopPlatform() throws java.io.IOException {
        platform.close();
        http.close();
    }

    private JWTClaimsSet.Builder claims() {
        return platform.launchClaims("nonce-1", TARGET);
    }

    private LtiLaunch validate(String token) {
        return validator.validate(IdTokenValidator.parse(token), state, platform.registration());
    }

    private void assertRefused(String token, LtiError error) {
        assertThatThrownBy(() -> validate(token))
                .isInstanceOfSatisfying(
                        LtiLaunchException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    @Test
    void acceptsAValidLaunchAndReadsItsClaimsTyped() {
        LtiLaunch launch = validate(platform.sign(
                claims().claim(LtiClaims.CUSTOM, Map.of("canvas_user_id", "$Canvas.user.id", "programme", "PABO"))
                        .build()));

        assertThat(launch.deploymentId()).isEqualTo(platform.deploymentId());
        assertThat(launch.roles()).containsExactly(TestPlatform.LEARNER);
        assertThat(launch.context().title()).isEqualTo("Stage 2026");
        assertThat(launch.person().displayName()).contains("Sanne de Vries");
        assertThat(launch.custom()).containsExactly(Map.entry("programme", "PABO"));
        assertThat(launch.preferredLocale().getLanguage()).isEqualTo("nl");
    }

    @Test
    void treatsSubstitutionPlaceholdersAsAbsent() {
        LtiLaunch launch = validate(platform.sign(claims().claim("name", "$Person.name.full")
                .claim("email", "$Person.email.primary")
                .claim("given_name", null)
                .claim("family_name", null)
                .build()));

        assertThat(launch.person().name()).isNull();
        assertThat(launch.person().email()).isNull();
        assertThat(launch.person().displayName()).isEmpty();
    }

    @Test
    void refusesAnUnsignedToken() {
        String unsigned = new PlainJWT(claims().build()).serialize();
        assertThatThrownBy(() -> IdTokenValidator.parse(unsigned))
                .isInstanceOfSatisfying(
                        LtiLaunchException.class,
                        e -> assertThat(e.error()).isEqualTo(LtiError.SIGNATURE_ALGORITHM_REFUSED));
    }

    @Test
    void refusesHmacEvenWithTheRightKid() throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(platform.signingKey().getKeyID())
                        .build(),
                claims().build());
        jwt.sign(new MACSigner("a-shared-secret-that-is-at-least-32-bytes-long"));
        assertRefused(jwt.serialize(), LtiError.SIGNATURE_ALGORITHM_REFUSED);
    }

    @Test
    void refusesAnAlgorithmTheRegistrationDoesNotList() {
        RSAKey key = platform.signingKey();
        String token = TestPlatform.sign(
                claims().build(),
                new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(key.getKeyID()).build(),
                key);
        assertRefused(token, LtiError.SIGNATURE_ALGORITHM_REFUSED);
    }

    @Test
    void refusesATokenWithoutKid() {
        String token = TestPlatform.sign(
                claims().build(), new JWSHeader.Builder(JWSAlgorithm.RS256).build(), platform.signingKey());
        assertRefused(token, LtiError.SIGNATURE_MISSING_KID);
    }

    @Test
    void refusesATokenSignedWithAnotherKeyUnderTheRightKid() {
        String token = TestPlatform.sign(
                claims().build(),
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(platform.signingKey().getKeyID())
                        .build(),
                TestPlatform.newKey());
        assertRefused(token, LtiError.SIGNATURE_INVALID);
    }

    @Test
    void refusesAPayloadAlteredAfterSigning() {
        String[] parts = platform.sign(claims().build()).split("\\.");
        String altered = com.nimbusds.jose.util.Base64URL.encode(
                        claims().claim(LtiClaims.ROLES, List.of(TestPlatform.INSTRUCTOR))
                                .build()
                                .toString())
                .toString();
        assertRefused(parts[0] + "." + altered + "." + parts[2], LtiError.SIGNATURE_INVALID);
    }

    @Test
    void refusesTimesOutsideTheClockSkew() {
        Instant now = Instant.now();
        assertRefused(
                platform.sign(
                        claims().expirationTime(Date.from(now.minusSeconds(61))).build()),
                LtiError.TOKEN_EXPIRED);
        assertRefused(
                platform.sign(
                        claims().issueTime(Date.from(now.plusSeconds(120))).build()),
                LtiError.TOKEN_ISSUED_IN_FUTURE);
        // Within the 60 s skew both are still fine.
        assertThat(validate(platform.sign(claims().expirationTime(Date.from(now.minusSeconds(30)))
                        .issueTime(Date.from(now.plusSeconds(30)))
                        .build())))
                .isNotNull();
    }

    @Test
    void checksIssuerAudienceAndAuthorizedParty() {
        assertRefused(platform.sign(claims().issuer("https://evil.example").build()), LtiError.ISSUER_MISMATCH);
        assertRefused(platform.sign(claims().audience("another-tool").build()), LtiError.AUDIENCE_MISMATCH);
        assertRefused(
                platform.sign(
                        claims().audience(List.of(platform.clientId(), "other")).build()),
                LtiError.AUTHORIZED_PARTY_MISMATCH);
        assertRefused(platform.sign(claims().claim("azp", "other").build()), LtiError.AUTHORIZED_PARTY_MISMATCH);
        assertThat(validate(platform.sign(claims().audience(List.of(platform.clientId(), "other"))
                        .claim("azp", platform.clientId())
                        .build())))
                .isNotNull();
    }

    @Test
    void refusesANonceThatIsNotTheLoginsOwn() {
        assertRefused(
                platform.sign(
                        platform.launchClaims("nonce-of-another-login", TARGET).build()),
                LtiError.NONCE_MISMATCH);
    }

    @Test
    void refusesAnUnknownDeployment() {
        assertRefused(
                platform.sign(claims().claim(LtiClaims.DEPLOYMENT_ID, "unknown").build()), LtiError.DEPLOYMENT_UNKNOWN);
    }

    @Test
    void refusesATargetLinkOtherThanTheLogins() {
        assertRefused(
                platform.sign(claims().claim(LtiClaims.TARGET_LINK_URI, "https://tool.example.org/other")
                        .build()),
                LtiError.TARGET_LINK_MISMATCH);
    }

    @Test
    void acceptsAKeyThePlatformRotatedInAfterTheFirstFetch() {
        validate(platform.sign(claims().build()));
        platform.rotateKey();
        assertThat(validate(platform.sign(claims().build()))).isNotNull();
    }

    @Test
    void fetchesTheKeySetOnceForAFloodOfUnknownKids() throws Exception {
        RSAKey fake = TestPlatform.newKey();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tokens.add(TestPlatform.sign(
                    claims().build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID("made-up-" + i)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    fake));
        }
        validate(platform.sign(claims().build()));
        platform.server().resetRequests();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<LtiError>> attempts = new ArrayList<>();
        for (String token : tokens) {
            attempts.add(() -> {
                try {
                    validate(token);
                    return null;
                } catch (LtiLaunchException e) {
                    return e.error();
                }
            });
        }
        List<LtiError> errors = new ArrayList<>();
        for (Future<LtiError> result : pool.invokeAll(attempts)) {
            errors.add(result.get());
        }
        pool.shutdown();

        assertThat(errors).containsOnly(LtiError.SIGNATURE_UNKNOWN_KID);
        assertThat(platform.server().findAll(getRequestedFor(urlEqualTo("/jwks"))))
                .hasSizeLessThanOrEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void keySetOnAPrivateAddressIsRefusedBeforeAnyRequest(String scheme) throws java.io.IOException {
        PlatformRegistration registration = platform.registrationOver(scheme);
        try (PlatformHttp production =
                new PlatformHttp(new PublicAddressGuard(false), PlatformHttpSettings.defaults())) {
            IdTokenValidator guarded = new IdTokenValidator(
                    new PlatformKeys(production, Duration.ofSeconds(10)), Clock.systemUTC(), Duration.ofSeconds(60));
            String token = platform.sign(claims().build());

            for (int launch = 1; launch <= 2; launch++) {
                // The second launch, within the refetch interval, is refused for the same reason, not an "unknown kid".
                assertThatThrownBy(() -> guarded.validate(IdTokenValidator.parse(token), state, registration))
                        .isInstanceOfSatisfying(
                                LtiLaunchException.class,
                                e -> assertThat(e.error()).isEqualTo(LtiError.PLATFORM_KEYS_REFUSED));
            }
        }
        assertThat(platform.server().getAllServeEvents())
                .as("WireMock received nothing")
                .isEmpty();
    }

    @Test
    void reportsAPlatformWhoseKeysCannotBeFetched() {
        platform.server()
                .stubFor(get(urlEqualTo("/jwks")).willReturn(aResponse().withStatus(500)));
        assertRefused(platform.sign(claims().build()), LtiError.PLATFORM_KEYS_UNAVAILABLE);
    }
}
