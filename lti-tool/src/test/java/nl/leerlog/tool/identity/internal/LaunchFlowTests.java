package nl.leerlog.tool.identity.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import nl.leerlog.lti.claims.LtiClaims;
import nl.leerlog.lti.failure.LtiError;
import nl.leerlog.lti.login.LoginInitiationFilter;
import nl.leerlog.lti.login.ToolUrls;
import nl.leerlog.lti.session.LtiSessions;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.LaunchClient.LoginRedirect;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.identity.CourseRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole LTI 1.3 flow over real HTTP (Sec §5.1.1): a {@link TestPlatform} signs the launches, a
 * {@link LaunchClient} plays the browser, and the tool runs as it does in production (dev profile, H2).
 * Every bad launch of lti.md is refused with a friendly page naming its error code and leaves no
 * session behind; every launch lti.md says must be accepted lands on the right home page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class LaunchFlowTests {

    static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";
    static final String TEST_USER = "http://purl.imsglobal.org/vocab/lti/system/person#TestUser";
    /** Canvas cloud: one issuer for every school (canvas.md). */
    static final String CANVAS_ISSUER = "https://canvas.instructure.com";

    /** The platform most tests launch from. */
    static final TestPlatform PLATFORM = TestPlatform.start();
    /** Two schools on Canvas cloud: one issuer, two developer keys, each with a key pair of its own. */
    static final TestPlatform SCHOOL_A = TestPlatform.start(CANVAS_ISSUER, "10000000000001", "school-a-deployment");

    static final TestPlatform SCHOOL_B = TestPlatform.start(CANVAS_ISSUER, "10000000000002", "school-b-deployment");
    /** A platform whose key set cannot be fetched. */
    static final TestPlatform KEYS_DOWN = TestPlatform.start("https://down.example.edu", "client-down", "deployment-1");

    /** A platform whose key set answers only after longer than a launch may wait for it. */
    static final TestPlatform KEYS_SLOW = TestPlatform.start("https://slow.example.edu", "client-slow", "deployment-1");

    static final int SLOW_KEYS_DELAY_MILLIS = 10_000;

    static final List<TestPlatform> PLATFORMS = List.of(PLATFORM, SCHOOL_A, SCHOOL_B, KEYS_DOWN, KEYS_SLOW);

    static {
        KEYS_DOWN
                .server()
                .stubFor(get(urlEqualTo("/jwks")).willReturn(aResponse().withStatus(503)));
        KEYS_SLOW.server().setGlobalFixedDelay(SLOW_KEYS_DELAY_MILLIS);
    }

    @DynamicPropertySource
    static void registerPlatforms(DynamicPropertyRegistry registry) {
        for (int i = 0; i < PLATFORMS.size(); i++) {
            PLATFORMS.get(i).properties(i).forEach((name, value) -> registry.add(name, () -> value));
        }
        // A database of its own, so other suites in the same JVM neither see nor disturb these launches.
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:mem:launch-flow-tests;DB_CLOSE_DELAY=-1;"
                        + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @AfterAll
    static void stopPlatforms() {
        PLATFORMS.forEach(TestPlatform::close);
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    MessageSource messages;

    @Autowired
    JsonMapper json;

    @Autowired
    nl.leerlog.tool.admin.internal.launchlog.FrameOrigins frameOrigins;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Nested
    class Signature {

        @Test
        void unsignedTokenWithAlgNoneIsRefused() {
            PlatformLogin login = login(PLATFORM);
            String unsigned = new PlainJWT(login.claims().build()).serialize();

            assertRefused(login.launch(unsigned), login.browser(), LtiError.SIGNATURE_ALGORITHM_REFUSED);
        }

        @Test
        void tokenSignedWithHmacIsRefused() throws JOSEException {
            PlatformLogin login = login(PLATFORM);
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(PLATFORM.signingKey().getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    login.claims().build());
            jwt.sign(new MACSigner("a-shared-secret-that-is-long-enough-for-hs256"));

            assertRefused(login.launch(jwt.serialize()), login.browser(), LtiError.SIGNATURE_ALGORITHM_REFUSED);
        }

        @Test
        void tokenSignedWithHmacOverThePlatformsPublicKeyIsRefused() throws JOSEException {
            // The classic key confusion: the public key, known to anyone, used as an HMAC secret.
            PlatformLogin login = login(PLATFORM);
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(PLATFORM.signingKey().getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    login.claims().build());
            jwt.sign(new MACSigner(
                    PLATFORM.signingKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));

            assertRefused(login.launch(jwt.serialize()), login.browser(), LtiError.SIGNATURE_ALGORITHM_REFUSED);
        }

        @Test
        void algorithmOutsideTheRegistrationsListIsRefused() {
            PlatformLogin login = login(PLATFORM);
            String token = TestPlatform.sign(
                    login.claims().build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS512)
                            .keyID(PLATFORM.signingKey().getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    PLATFORM.signingKey());

            assertRefused(login.launch(token), login.browser(), LtiError.SIGNATURE_ALGORITHM_REFUSED);
        }

        @Test
        void tokenSignedByAnotherKeyUnderThePlatformsKidIsRefused() {
            PlatformLogin login = login(PLATFORM);
            String token = TestPlatform.sign(
                    login.claims().build(), header(PLATFORM.signingKey().getKeyID()), TestPlatform.newKey());

            assertRefused(login.launch(token), login.browser(), LtiError.SIGNATURE_INVALID);
        }

        @Test
        void tokenWithoutKidIsRefused() {
            PlatformLogin login = login(PLATFORM);
            String token = TestPlatform.sign(login.claims().build(), header(null), PLATFORM.signingKey());

            assertRefused(login.launch(token), login.browser(), LtiError.SIGNATURE_MISSING_KID);
        }

        @Test
        void tokenWithKidUnknownToThePlatformIsRefused() {
            PlatformLogin login = login(PLATFORM);
            RSAKey stranger = TestPlatform.newKey();
            String token = TestPlatform.sign(login.claims().build(), header(stranger.getKeyID()), stranger);

            assertRefused(login.launch(token), login.browser(), LtiError.SIGNATURE_UNKNOWN_KID);
        }

        @Test
        void payloadAlteredAfterSigningIsRefused() {
            PlatformLogin login = login(PLATFORM);
            String[] parts = login.signed(claims -> {}).split("\\.");
            JWTClaimsSet promoted = login.claims()
                    .claim(LtiClaims.ROLES, List.of(TestPlatform.INSTRUCTOR))
                    .build();
            String altered = parts[0] + "." + Base64URL.encode(promoted.toString()) + "." + parts[2];

            assertRefused(login.launch(altered), login.browser(), LtiError.SIGNATURE_INVALID);
        }

        @Test
        void platformWhoseKeysCannotBeFetchedGivesServiceUnavailable() {
            PlatformLogin login = login(KEYS_DOWN);

            HttpResponse<String> response = login.launch(claims -> {});

            assertThat(response.statusCode()).isEqualTo(503);
            assertRefused(response, login.browser(), LtiError.PLATFORM_KEYS_UNAVAILABLE);
        }

        /**
         * Launches waiting for a platform's slow key set give up after the fetch timeout with the friendly page,
         * rather than when the platform answers, and while they wait every other page keeps answering.
         */
        @Test
        void platformWhoseKeysAreSlowFailsTheLaunchesWhileOtherPagesKeepAnswering() throws Exception {
            List<PlatformLogin> logins = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                logins.add(login(KEYS_SLOW));
            }
            try (var launches = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                long start = System.nanoTime();
                List<java.util.concurrent.Future<HttpResponse<String>>> waiting = logins.stream()
                        .map(login -> launches.submit(() -> login.launch(claims -> {})))
                        .toList();

                Thread.sleep(500);
                HttpResponse<String> otherPage = browser().get("/lti/canvas.json");
                assertThat(waiting)
                        .as("the launches are still waiting for the keys")
                        .noneMatch(f -> f.isDone());
                assertThat(otherPage.statusCode()).isEqualTo(200);

                for (int i = 0; i < logins.size(); i++) {
                    assertRefused(waiting.get(i).get(), logins.get(i).browser(), LtiError.PLATFORM_KEYS_UNAVAILABLE);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .as("refused before the platform would have answered")
                        .isLessThan(Duration.ofMillis(SLOW_KEYS_DELAY_MILLIS));
            }
        }
    }

    @Nested
    class Times {

        @Test
        void expiredTokenIsRefused() {
            PlatformLogin login = login(PLATFORM);
            Instant now = clock.instant();

            HttpResponse<String> response = login.launch(claims -> claims.issueTime(Date.from(now.minusSeconds(420)))
                    .expirationTime(Date.from(now.minusSeconds(120))));

            assertRefused(response, login.browser(), LtiError.TOKEN_EXPIRED);
        }

        @Test
        void tokenIssuedInTheFutureBeyondTheClockSkewIsRefused() {
            PlatformLogin login = login(PLATFORM);
            Instant now = clock.instant();

            HttpResponse<String> response = login.launch(claims ->
                    claims.issueTime(Date.from(now.plusSeconds(120))).expirationTime(Date.from(now.plusSeconds(420))));

            assertRefused(response, login.browser(), LtiError.TOKEN_ISSUED_IN_FUTURE);
        }

        @Test
        void tokenNotValidBeforeAMomentBeyondTheClockSkewIsRefused() {
            PlatformLogin login = login(PLATFORM);
            Instant now = clock.instant();

            HttpResponse<String> response =
                    login.launch(claims -> claims.notBeforeTime(Date.from(now.plusSeconds(120))));

            assertRefused(response, login.browser(), LtiError.TOKEN_NOT_YET_VALID);
        }

        @Test
        void notBeforeWithinTheClockSkewIsAccepted() {
            PlatformLogin login = login(PLATFORM);
            Instant now = clock.instant();

            HttpResponse<String> response =
                    login.launch(claims -> claims.notBeforeTime(Date.from(now.plusSeconds(30))));

            assertLaunched(response, login.browser(), CourseRole.STUDENT);
        }

        @Test
        void tokenWithoutExpiryIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.expirationTime(null)), login.browser(), LtiError.TOKEN_TIMES_MISSING);
        }

        @Test
        void clocksThatDifferByLessThanTheSkewAreAccepted() {
            PlatformLogin ahead = login(PLATFORM);
            Instant now = clock.instant();
            HttpResponse<String> platformClockAhead = ahead.launch(claims ->
                    claims.issueTime(Date.from(now.plusSeconds(30))).expirationTime(Date.from(now.plusSeconds(330))));
            assertLaunched(platformClockAhead, ahead.browser(), CourseRole.STUDENT);

            PlatformLogin behind = login(PLATFORM);
            HttpResponse<String> justExpired = behind.launch(claims ->
                    claims.issueTime(Date.from(now.minusSeconds(330))).expirationTime(Date.from(now.minusSeconds(30))));
            assertLaunched(justExpired, behind.browser(), CourseRole.STUDENT);
        }
    }

    @Nested
    class Identity {

        @Test
        void tokenFromAnotherIssuerIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.issuer("https://evil.example.org")),
                    login.browser(),
                    LtiError.ISSUER_MISMATCH);
        }

        @Test
        void tokenForAnotherToolIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.audience("another-tool")),
                    login.browser(),
                    LtiError.AUDIENCE_MISMATCH);
        }

        @Test
        void severalAudiencesWithoutAuthorizedPartyAreRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.audience(List.of(PLATFORM.clientId(), "another-tool"))),
                    login.browser(),
                    LtiError.AUTHORIZED_PARTY_MISMATCH);
        }

        @Test
        void authorizedPartyOfAnotherToolIsRefused() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response =
                    login.launch(claims -> claims.audience(List.of(PLATFORM.clientId(), "another-tool"))
                            .claim("azp", "another-tool"));

            assertRefused(response, login.browser(), LtiError.AUTHORIZED_PARTY_MISMATCH);
        }

        @Test
        void authorizedPartyOfAnotherToolIsRefusedAlsoWithASingleAudience() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim("azp", "another-tool")),
                    login.browser(),
                    LtiError.AUTHORIZED_PARTY_MISMATCH);
        }

        @Test
        void severalAudiencesWithThisToolAsAuthorizedPartyAreAccepted() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response =
                    login.launch(claims -> claims.audience(List.of(PLATFORM.clientId(), "another-tool"))
                            .claim("azp", PLATFORM.clientId()));

            assertLaunched(response, login.browser(), CourseRole.STUDENT);
        }

        @Test
        void tokenWithoutSubjectIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(login.launch(claims -> claims.subject(null)), login.browser(), LtiError.SUBJECT_MISSING);
        }
    }

    @Nested
    class MessageClaims {

        @Test
        void launchWithoutMessageTypeIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim(LtiClaims.MESSAGE_TYPE, null)),
                    login.browser(),
                    LtiError.MESSAGE_TYPE_MISSING);
        }

        @Test
        void messageTypeTheToolDoesNotHandleIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingRequest")),
                    login.browser(),
                    LtiError.MESSAGE_TYPE_UNSUPPORTED);
        }

        @Test
        void launchWithoutVersionIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim(LtiClaims.VERSION, null)),
                    login.browser(),
                    LtiError.VERSION_UNSUPPORTED);
        }

        @Test
        void launchOfAnotherLtiVersionIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim(LtiClaims.VERSION, "1.1.0")),
                    login.browser(),
                    LtiError.VERSION_UNSUPPORTED);
        }

        @Test
        void launchWithoutDeploymentIdIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim(LtiClaims.DEPLOYMENT_ID, null)),
                    login.browser(),
                    LtiError.DEPLOYMENT_MISSING);
        }

        @Test
        void launchFromAnUnregisteredDeploymentIsRefusedForTheAdminToAct() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response = login.launch(claims ->
                    claims.claim(LtiClaims.DEPLOYMENT_ID, "deployment-99").claim("locale", "nl"));

            assertThat(response.statusCode()).isEqualTo(403);
            assertRefused(response, login.browser(), LtiError.DEPLOYMENT_UNKNOWN);
            assertThat(LaunchPages.errorReason(response.body()))
                    .contains(text(LtiError.DEPLOYMENT_UNKNOWN.messageKey(), "nl"));
        }

        @Test
        void resourceLinkWithoutIdIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim(LtiClaims.RESOURCE_LINK, Map.of("title", "Leerlog"))),
                    login.browser(),
                    LtiError.RESOURCE_LINK_MISSING);
        }

        @Test
        void launchWithoutResourceLinkIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim(LtiClaims.RESOURCE_LINK, null)),
                    login.browser(),
                    LtiError.RESOURCE_LINK_MISSING);
        }

        @Test
        void launchWithoutRolesClaimIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim(LtiClaims.ROLES, null)),
                    login.browser(),
                    LtiError.ROLES_MISSING);
        }

        @Test
        void launchOfAnotherLinkThanTheLoginWasFor() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response = login.launch(claims ->
                    claims.claim(LtiClaims.TARGET_LINK_URI, login.browser().toolBaseUrl() + "/teacher/dashboard"));

            assertRefused(response, login.browser(), LtiError.TARGET_LINK_MISMATCH);
        }

        @Test
        void rolesAsAStringIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim(LtiClaims.ROLES, TestPlatform.LEARNER)),
                    login.browser(),
                    LtiError.CLAIM_WRONG_TYPE);
        }

        @Test
        void rolesHoldingSomethingElseThanStringsAreRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim(LtiClaims.ROLES, List.of(TestPlatform.LEARNER, 7))),
                    login.browser(),
                    LtiError.CLAIM_WRONG_TYPE);
        }

        @Test
        void resourceLinkAsAStringIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim(LtiClaims.RESOURCE_LINK, "course-101")),
                    login.browser(),
                    LtiError.CLAIM_WRONG_TYPE);
        }

        @Test
        void contextAsAStringIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim(LtiClaims.CONTEXT, "course-101")),
                    login.browser(),
                    LtiError.CLAIM_WRONG_TYPE);
        }

        @Test
        void subjectAsAnObjectIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim("sub", Map.of("id", "4711"))),
                    login.browser(),
                    LtiError.CLAIM_WRONG_TYPE);
        }

        @Test
        void launchWithoutNonceIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim("nonce", null)), login.browser(), LtiError.NONCE_MISMATCH);
        }

        @Test
        void launchWithTheNonceOfAnotherLoginIsRefused() {
            PlatformLogin login = login(PLATFORM);
            PlatformLogin other = login(PLATFORM);

            assertRefused(
                    login.launch(claims -> claims.claim("nonce", other.nonce())),
                    login.browser(),
                    LtiError.NONCE_MISMATCH);
        }
    }

    @Nested
    class Replay {

        @Test
        void sameLaunchPostedTwiceByTheBrowserIsRefusedTheSecondTime() {
            PlatformLogin login = login(PLATFORM);
            String idToken = login.signed(claims -> {});
            long userId = assertLaunched(login.launch(idToken), login.browser(), CourseRole.STUDENT)
                    .userId();

            HttpResponse<String> again = login.launch(idToken);

            // Refused, and it starts nothing; the session the first post started is the browser's own and stays.
            assertThat(again.statusCode()).isEqualTo(LtiError.STATE_UNKNOWN.status());
            assertThat(LaunchPages.errorCode(again.body())).hasValue(LtiError.STATE_UNKNOWN.name());
            assertThat(sessionCookies(again)).isEmpty();
            assertThat(me(login.browser()).userId()).isEqualTo(userId);
        }

        @Test
        void launchReplayedFromAnotherBrowserIsRefused() {
            PlatformLogin login = login(PLATFORM);
            String idToken = login.signed(claims -> {});
            assertLaunched(login.launch(idToken), login.browser(), CourseRole.STUDENT);
            LaunchClient attacker = browser();

            assertRefused(attacker.launch(idToken, login.state()), attacker, LtiError.STATE_UNKNOWN);
        }

        @Test
        void usedIdTokenReplayedWithAFreshLoginIsRefusedForItsNonce() {
            PlatformLogin victim = login(PLATFORM);
            String idToken = victim.signed(claims -> {});
            assertLaunched(victim.launch(idToken), victim.browser(), CourseRole.STUDENT);
            PlatformLogin attacker = login(PLATFORM);

            assertRefused(attacker.launch(idToken), attacker.browser(), LtiError.NONCE_MISMATCH);
        }

        @Test
        void launchWithoutIdTokenIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(login.launch((String) null), login.browser(), LtiError.LAUNCH_MISSING_ID_TOKEN);
        }

        @Test
        void launchWithoutStateIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.browser().launch(login.signed(claims -> {}), null), login.browser(), LtiError.STATE_MISSING);
        }

        @Test
        void launchWithAStateTheToolNeverIssuedIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(
                    login.browser().launch(login.signed(claims -> {}), "made-up-state"),
                    login.browser(),
                    LtiError.STATE_UNKNOWN);
        }

        @Test
        void launchFromAnotherBrowserThanTheLoginIsRefused() {
            PlatformLogin login = login(PLATFORM);
            LaunchClient otherBrowser = browser();

            assertRefused(
                    otherBrowser.launch(login.signed(claims -> {}), login.state()),
                    otherBrowser,
                    LtiError.STATE_FOREIGN_BROWSER);
        }

        @Test
        void launchAfterTheStateExpiredIsRefused() {
            PlatformLogin login = login(PLATFORM);
            clock.advance(Duration.ofMinutes(11));

            // The token itself is fresh at the new time: only the login state is too old.
            assertRefused(login.launch(claims -> {}), login.browser(), LtiError.STATE_EXPIRED);
        }

        @Test
        void launchJustBeforeTheStateExpiresIsAccepted() {
            PlatformLogin login = login(PLATFORM);
            clock.advance(Duration.ofMinutes(9));

            assertLaunched(login.launch(claims -> {}), login.browser(), CourseRole.STUDENT);
        }
    }

    @Nested
    class LoginInitiation {

        @Test
        void loginRedirectsToThePlatformWithAnOidcAuthenticationRequest() {
            LaunchClient browser = browser();

            LoginRedirect login = browser.login(PLATFORM);

            assertThat(login.status()).isEqualTo(302);
            assertThat(login.location().toString())
                    .startsWith(PLATFORM.authorizationUri().toString());
            assertThat(login.query())
                    .containsEntry("scope", "openid")
                    .containsEntry("response_type", "id_token")
                    .containsEntry("response_mode", "form_post")
                    .containsEntry("prompt", "none")
                    .containsEntry("client_id", PLATFORM.clientId())
                    .containsEntry("login_hint", "hint-123")
                    .containsEntry("lti_message_hint", "message-hint")
                    .containsEntry("redirect_uri", browser.launchUrl())
                    .containsKeys("state", "nonce");
            assertThat(login.state()).isNotEqualTo(login.nonce());
            assertThat(browser.cookies()).containsKey(LoginInitiationFilter.BINDING_COOKIE_PREFIX + login.state());
        }

        @Test
        void loginByPostIsAccepted() {
            LaunchClient browser = browser();
            Map<String, String> params = Map.of(
                    "iss",
                    PLATFORM.issuer(),
                    "login_hint",
                    "hint-123",
                    "target_link_uri",
                    browser.launchUrl(),
                    "client_id",
                    PLATFORM.clientId(),
                    "lti_deployment_id",
                    PLATFORM.deploymentId());

            HttpResponse<String> response = browser.post("/lti/login", params);

            assertThat(response.statusCode()).isEqualTo(302);
            Map<String, String> query =
                    LaunchPages.query(response.headers().firstValue("Location").orElseThrow());
            assertThat(query).containsEntry("client_id", PLATFORM.clientId()).containsKeys("state", "nonce");
        }

        @Test
        void loginFromAnUnknownIssuerIsRefused() {
            LaunchClient browser = browser();

            LoginRedirect login = browser.login(PLATFORM, Map.of("iss", "https://unknown.example.edu"));

            assertLoginRefused(login, browser, LtiError.LOGIN_UNKNOWN_PLATFORM);
        }

        @Test
        void loginWithAnUnknownClientIdIsRefused() {
            LaunchClient browser = browser();

            LoginRedirect login = browser.login(PLATFORM, Map.of("client_id", "unknown-client"));

            assertLoginRefused(login, browser, LtiError.LOGIN_UNKNOWN_PLATFORM);
        }

        @Test
        void loginForATargetOnAnotherSiteIsRefused() {
            LaunchClient browser = browser();

            LoginRedirect login =
                    browser.login(PLATFORM, Map.of("target_link_uri", "https://evil.example.org/lti/launch"));

            assertLoginRefused(login, browser, LtiError.LOGIN_FOREIGN_TARGET);
        }

        @Test
        void loginForATargetThatOnlyStartsWithTheToolsAddressIsRefused() {
            LaunchClient browser = browser();
            String disguised = "http://localhost:" + port + "@evil.example.org/lti/launch";

            LoginRedirect login = browser.login(PLATFORM, Map.of("target_link_uri", disguised));

            assertLoginRefused(login, browser, LtiError.LOGIN_FOREIGN_TARGET);
        }

        @Test
        void storageTargetThatIsNoFrameNameIsIgnored() {
            LaunchClient browser = browser();

            LoginRedirect login = browser.login(PLATFORM, Map.of("lti_storage_target", "javascript:alert(1)"));

            assertThat(login.status()).isEqualTo(302);
            assertThat(login.body()).doesNotContain("javascript:");
        }

        @Test
        void loginWithoutLoginHintIsRefused() {
            LaunchClient browser = browser();
            Map<String, String> withoutHint = new HashMap<>();
            withoutHint.put("login_hint", null);

            LoginRedirect login = browser.login(PLATFORM, withoutHint);

            assertLoginRefused(login, browser, LtiError.LOGIN_MISSING_PARAMETER);
        }
    }

    @Nested
    class RequestShape {

        @Test
        void idTokenThatIsNoJwtAtAllIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(login.launch("this is not a token"), login.browser(), LtiError.LAUNCH_NOT_A_JWT);
        }

        @Test
        void idTokenOfThreeRandomPartsIsRefused() {
            PlatformLogin login = login(PLATFORM);

            assertRefused(login.launch("bm90.YSBqd3Q.c2lnbmF0dXJl"), login.browser(), LtiError.LAUNCH_NOT_A_JWT);
        }

        @Test
        void idTokenFarTooLargeIsRefused() {
            PlatformLogin login = login(PLATFORM);
            String huge = login.signed(claims -> claims.claim("https://example.edu/padding", "x".repeat(70_000)));
            assertThat(huge.length()).isGreaterThan(65_536);

            HttpResponse<String> response = login.launch(huge);

            assertThat(response.statusCode()).isEqualTo(413);
            assertRefused(response, login.browser(), LtiError.LAUNCH_TOKEN_TOO_LARGE);
        }

        @Test
        void launchByGetIsRefused() {
            PlatformLogin login = login(PLATFORM);
            String query = LaunchClient.form(Map.of("id_token", login.signed(claims -> {}), "state", login.state()));

            HttpResponse<String> response = login.browser().get("/lti/launch?" + query);

            assertThat(response.statusCode()).isEqualTo(405);
            assertRefused(response, login.browser(), LtiError.LAUNCH_NOT_POST);
        }
    }

    @Nested
    class MustAccept {

        @Test
        void severalRoles() {
            HttpResponse<String> response = launchWithRoles(
                    List.of(LIS + "institution/person#Student", TestPlatform.LEARNER, LIS + "system/person#User"));

            assertThat(LaunchPages.role(response.body())).hasValue("STUDENT");
        }

        @Test
        void shortLearnerRoleName() {
            PlatformLogin login = login(PLATFORM);

            assertLaunched(
                    login.launch(claims -> claims.claim(LtiClaims.ROLES, List.of("Learner"))),
                    login.browser(),
                    CourseRole.STUDENT);
        }

        @Test
        void shortInstructorRoleName() {
            PlatformLogin login = login(PLATFORM);

            assertLaunched(
                    login.launch(claims -> claims.claim(LtiClaims.ROLES, List.of("Instructor"))),
                    login.browser(),
                    CourseRole.TEACHER);
        }

        @Test
        void unknownRolesAlongsideLearner() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response = login.launch(claims -> claims.claim(
                    LtiClaims.ROLES,
                    List.of("http://example.edu/roles#CoffeeMaker", "urn:example:unknown", TestPlatform.LEARNER)));

            assertLaunched(response, login.browser(), CourseRole.STUDENT);
        }

        @Test
        void noPersonalDataAtAll() {
            PlatformLogin login = login(PLATFORM);

            Me me = assertLaunched(
                    login.launch(claims -> claims.claim("name", null)
                            .claim("given_name", null)
                            .claim("family_name", null)
                            .claim("email", null)),
                    login.browser(),
                    CourseRole.STUDENT);

            assertThat(me.name()).isNull();
        }

        @Test
        void emailOnly() {
            PlatformLogin login = login(PLATFORM);

            Me me = assertLaunched(
                    login.launch(claims ->
                            claims.claim("name", null).claim("given_name", null).claim("family_name", null)),
                    login.browser(),
                    CourseRole.STUDENT);

            assertThat(me.name()).isNull();
        }

        @Test
        void namesOnly() {
            PlatformLogin login = login(PLATFORM);

            Me me = assertLaunched(
                    login.launch(claims -> claims.claim("name", null)
                            .claim("email", null)
                            .claim("given_name", "Fenna")
                            .claim("family_name", "Bakker")),
                    login.browser(),
                    CourseRole.STUDENT);

            assertThat(me.name()).isEqualTo("Fenna Bakker");
        }

        @Test
        void noContextClaim() {
            PlatformLogin login = login(PLATFORM);

            Me me = assertLaunched(
                    login.launch(claims -> claims.claim(LtiClaims.CONTEXT, null)
                            .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "link-7", "title", "Stagelogboek"))),
                    login.browser(),
                    CourseRole.STUDENT);

            // Without a context the resource link stands for the course.
            assertThat(me.courseTitle()).isEqualTo("Stagelogboek");
        }

        @Test
        void canvasPlaceholdersThatHadNoValueCountAsAbsent() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response = login.launch(claims -> claims.claim("name", "$Person.name.full")
                    .claim("given_name", "$Person.name.given")
                    .claim("family_name", null)
                    .claim("email", "$Person.email.primary")
                    .claim(
                            LtiClaims.CUSTOM,
                            Map.of(
                                    "canvas_user_id",
                                    "$Canvas.user.id",
                                    "canvas_course_id",
                                    "$Canvas.course.id",
                                    "section",
                                    "A1")));
            Me me = assertLaunched(response, login.browser(), CourseRole.STUDENT);

            assertThat(me.name()).isNull();
            assertThat(response.body()).doesNotContain("$Person", "$Canvas");
        }

        @Test
        void canvasPlaceholderInNameFallsBackToGivenAndFamilyName() {
            PlatformLogin login = login(PLATFORM);

            Me me = assertLaunched(
                    login.launch(claims -> claims.claim("name", "$Person.name.full")
                            .claim("given_name", "Fenna")
                            .claim("family_name", "Bakker")),
                    login.browser(),
                    CourseRole.STUDENT);

            assertThat(me.name()).isEqualTo("Fenna Bakker");
        }
    }

    /** The Canvas course roles of canvas.md, one by one. */
    @Nested
    class RoleByRole {

        @Test
        void canvasTeacherIsATeacher() {
            HttpResponse<String> response = launchWithRoles(List.of(
                    LIS + "institution/person#Instructor", LIS + "membership#Instructor", LIS + "system/person#User"));

            assertThat(LaunchPages.role(response.body())).hasValue("TEACHER");
        }

        @Test
        void canvasTeachingAssistantIsATeacher() {
            HttpResponse<String> response = launchWithRoles(List.of(
                    LIS + "membership#Instructor",
                    LIS + "membership/Instructor#TeachingAssistant",
                    LIS + "system/person#User"));

            assertThat(LaunchPages.role(response.body())).hasValue("TEACHER");
        }

        @Test
        void canvasDesignerIsATeacher() {
            HttpResponse<String> response =
                    launchWithRoles(List.of(LIS + "membership#ContentDeveloper", LIS + "system/person#User"));

            assertThat(LaunchPages.role(response.body())).hasValue("TEACHER");
        }

        @Test
        void canvasStudentIsAStudent() {
            PlatformLogin login = login(PLATFORM);

            Me me = assertLaunched(
                    login.launch(claims -> claims.claim(
                            LtiClaims.ROLES,
                            List.of(
                                    LIS + "institution/person#Student",
                                    LIS + "membership#Learner",
                                    LIS + "system/person#User"))),
                    login.browser(),
                    CourseRole.STUDENT);

            assertThat(me.testUser()).isFalse();
        }

        @Test
        void canvasTestStudentIsAStudentMarkedAsTestUser() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response = login.launch(claims -> claims.claim("locale", "nl")
                    .claim(
                            LtiClaims.ROLES,
                            List.of(
                                    LIS + "institution/person#Student",
                                    LIS + "membership#Learner",
                                    LIS + "system/person#User",
                                    TEST_USER)));
            Me me = assertLaunched(response, login.browser(), CourseRole.STUDENT);

            assertThat(me.testUser()).isTrue();
            assertThat(response.body()).contains(htmlText("app.test-user", "nl"));
        }

        @Test
        void canvasObserverIsRefusedWithAnExplanation() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response = login.launch(claims -> claims.claim("locale", "nl")
                    .claim(LtiClaims.ROLES, List.of(LIS + "membership#Mentor", LIS + "system/person#User")));

            assertThat(response.statusCode()).isEqualTo(403);
            assertRefused(response, login.browser(), LtiError.ACCESS_REFUSED);
            assertThat(LaunchPages.errorReason(response.body())).hasValue(text("launch.refused.observer", "nl"));
        }

        @Test
        void accountAdminWhoIsNotEnrolledIsRefused() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response = login.launch(claims -> claims.claim("locale", "nl")
                    .claim(
                            LtiClaims.ROLES,
                            List.of(
                                    LIS + "institution/person#Administrator",
                                    LIS + "system/person#User",
                                    LIS + "system/person#SysAdmin")));

            assertThat(response.statusCode()).isEqualTo(403);
            assertRefused(response, login.browser(), LtiError.ACCESS_REFUSED);
            assertThat(LaunchPages.errorReason(response.body())).hasValue(text("launch.refused.no-course-role", "nl"));
        }

        @Test
        void emptyRolesPassTheLtiChecksButGiveNoAccess() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response =
                    login.launch(claims -> claims.claim("locale", "en").claim(LtiClaims.ROLES, List.of()));

            // Not ROLES_MISSING: an empty array is a valid claim (Core §5.3.7); Leerlog has nothing to show.
            assertThat(response.statusCode()).isEqualTo(403);
            assertRefused(response, login.browser(), LtiError.ACCESS_REFUSED);
            assertThat(LaunchPages.errorReason(response.body())).hasValue(text("launch.refused.no-course-role", "en"));
        }
    }

    /** Canvas cloud: every school has the same issuer, so registrations are told apart by client id. */
    @Nested
    class OneIssuerTwoRegistrations {

        @Test
        void bothRegistrationsLaunchIntoCoursesOfTheirOwn() {
            PlatformLogin schoolA = login(SCHOOL_A);
            Me inA = assertLaunched(schoolA.launch(claims -> {}), schoolA.browser(), CourseRole.STUDENT);
            PlatformLogin schoolB = login(SCHOOL_B);
            Me inB = assertLaunched(schoolB.launch(claims -> {}), schoolB.browser(), CourseRole.STUDENT);

            // Both send context id "course-101": still two courses, one per registration.
            assertThat(inA.courseId()).isNotEqualTo(inB.courseId());
        }

        @Test
        void loginWithoutClientIdIsRefusedAsAmbiguous() {
            LaunchClient browser = browser();
            Map<String, String> withoutClientId = new HashMap<>();
            withoutClientId.put("client_id", null);

            LoginRedirect login = browser.login(SCHOOL_A, withoutClientId);

            assertLoginRefused(login, browser, LtiError.LOGIN_AMBIGUOUS_PLATFORM);
        }

        @Test
        void tokenForClientAInTheLoginOfClientBIsRefused() {
            PlatformLogin loginB = login(SCHOOL_B);
            // Canvas signs every school's launches with one key set; B's key stands in for it here.
            JWTClaimsSet forA = loginB.timed(SCHOOL_A.launchClaims(
                            loginB.nonce(), loginB.browser().launchUrl()))
                    .claim(LtiClaims.DEPLOYMENT_ID, SCHOOL_B.deploymentId())
                    .build();

            assertRefused(loginB.launch(SCHOOL_B.sign(forA)), loginB.browser(), LtiError.AUDIENCE_MISMATCH);
        }

        @Test
        void tokenSignedWithTheKeyOfClientAInTheLoginOfClientBIsRefused() {
            PlatformLogin loginB = login(SCHOOL_B);
            JWTClaimsSet forA = loginB.timed(SCHOOL_A.launchClaims(
                            loginB.nonce(), loginB.browser().launchUrl()))
                    .build();

            assertRefused(loginB.launch(SCHOOL_A.sign(forA)), loginB.browser(), LtiError.SIGNATURE_UNKNOWN_KID);
        }
    }

    @Nested
    class FailurePageLanguage {

        @Test
        void refusalIsInDutchForADutchLocaleClaim() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response =
                    login.launch(claims -> claims.claim("locale", "nl").audience("another-tool"));

            assertThat(LaunchPages.language(response.body())).hasValue("nl");
            assertThat(LaunchPages.errorReason(response.body()))
                    .hasValue(text(LtiError.AUDIENCE_MISMATCH.messageKey(), "nl"));
            assertThat(LaunchPages.errorIdLine(response.body()))
                    .hasValueSatisfying(line ->
                            assertThat(line).matches(text("lti.error.id", "nl").replace("{0}", "[2-9A-HJ-NP-Z]{8}")));
        }

        @Test
        void refusalIsInEnglishForAnEnglishLocaleClaim() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response =
                    login.launch(claims -> claims.claim("locale", "en-GB").audience("another-tool"));

            assertThat(LaunchPages.language(response.body())).hasValue("en");
            assertThat(LaunchPages.errorReason(response.body()))
                    .hasValue(text(LtiError.AUDIENCE_MISMATCH.messageKey(), "en"));
        }

        @Test
        void localeClaimOutweighsTheBrowsersLanguage() {
            PlatformLogin login = login(PLATFORM);
            String idToken = login.signed(claims -> claims.claim("locale", "en").audience("another-tool"));

            HttpResponse<String> response = postForm(
                    login.browser(),
                    "/lti/launch",
                    Map.of("id_token", idToken, "state", login.state()),
                    Map.of("Accept-Language", "nl-NL,nl;q=0.9"));

            assertThat(LaunchPages.errorReason(response.body()))
                    .hasValue(text(LtiError.AUDIENCE_MISMATCH.messageKey(), "en"));
        }

        @Test
        void withoutIdTokenTheBrowsersLanguageDecides() {
            LaunchClient browser = browser();
            String query = LaunchClient.form(Map.of(
                    "iss",
                    "https://unknown.example.edu",
                    "login_hint",
                    "hint-123",
                    "target_link_uri",
                    browser.launchUrl()));

            HttpResponse<String> dutch =
                    browser.get("/lti/login?" + query, Map.of("Accept-Language", "nl-BE,nl;q=0.9,en;q=0.5"));
            HttpResponse<String> english =
                    browser.get("/lti/login?" + query, Map.of("Accept-Language", "en-US,en;q=0.9"));

            assertThat(LaunchPages.errorReason(dutch.body()))
                    .hasValue(text(LtiError.LOGIN_UNKNOWN_PLATFORM.messageKey(), "nl"));
            assertThat(LaunchPages.language(dutch.body())).hasValue("nl");
            assertThat(LaunchPages.errorReason(english.body()))
                    .hasValue(text(LtiError.LOGIN_UNKNOWN_PLATFORM.messageKey(), "en"));
            assertThat(LaunchPages.language(english.body())).hasValue("en");
        }

        @Test
        void otherLanguagesGetEnglish() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response =
                    login.launch(claims -> claims.claim("locale", "fr-FR").audience("another-tool"));

            assertThat(LaunchPages.errorReason(response.body()))
                    .hasValue(text(LtiError.AUDIENCE_MISMATCH.messageKey(), "en"));
        }

        @Test
        void apostrophesInTheReasonAreShownOnce() {
            PlatformLogin login = login(PLATFORM);
            LaunchClient otherBrowser = browser();
            String idToken = login.signed(claims -> claims.claim("locale", "en"));

            HttpResponse<String> response = otherBrowser.launch(idToken, login.state());

            assertThat(LaunchPages.errorCode(response.body())).hasValue(LtiError.STATE_FOREIGN_BROWSER.name());
            assertThat(LaunchPages.errorReason(response.body()))
                    .hasValueSatisfying(
                            reason -> assertThat(reason).contains("'").doesNotContain("''"));
        }

        @Test
        void unreadableTokenFallsBackToTheBrowsersLanguage() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response = postForm(
                    login.browser(),
                    "/lti/launch",
                    Map.of("id_token", "not a token", "state", login.state()),
                    Map.of("Accept-Language", "nl"));

            assertThat(LaunchPages.errorReason(response.body()))
                    .hasValue(text(LtiError.LAUNCH_NOT_A_JWT.messageKey(), "nl"));
        }
    }

    /** LTI platform storage (Client Side postMessages): the browser binding survives blocked cookies. */
    @Nested
    class PlatformStorage {

        @Test
        void launchThatLostTheCookieGetsTheBindingFromPlatformStorage() {
            StorageLogin login = storageLogin("_parent");

            HttpResponse<String> bridge = login.browser().launch(login.idToken(), login.state());

            assertThat(bridge.statusCode()).isEqualTo(200);
            // Replies are taken only from the platform's OIDC authorization origin.
            assertThat(LaunchPages.bridgeData(bridge.body()))
                    .containsEntry("mode", "fetch")
                    .containsEntry("target", "_parent")
                    .containsEntry("key", "lti_state_" + login.state())
                    .containsEntry("origin", ToolUrls.origin(PLATFORM.authorizationUri()));
            assertThat(LaunchPages.hiddenFields(bridge.body())).containsKey("lti_storage_binding");
            assertThat(sessionCookies(bridge)).isEmpty();

            HttpResponse<String> launched = relaunch(login.browser(), relaunchForm(bridge, login.binding()));

            assertLaunched(launched, login.browser(), CourseRole.STUDENT);
            // Without cookies only the launch's own answer can hand the page its session: no redirect.
            assertThat(launched.previousResponse()).isEmpty();
            assertThat(LaunchPages.sessionToken(launched.body())).isPresent();
        }

        @Test
        void canvasPostMessageForwardingFrameWorksTheSameWay() {
            StorageLogin login = storageLogin("post_message_forwarding");

            HttpResponse<String> bridge = login.browser().launch(login.idToken(), login.state());
            HttpResponse<String> launched = relaunch(login.browser(), relaunchForm(bridge, login.binding()));

            assertLaunched(launched, login.browser(), CourseRole.STUDENT);
        }

        @Test
        void bindingFieldWithoutTheStorageMarkerIsRefused() {
            StorageLogin login = storageLogin("_parent");

            HttpResponse<String> refused = relaunch(
                    login.browser(),
                    Map.of(
                            "id_token",
                            login.idToken(),
                            "state",
                            login.state(),
                            "lti_storage_binding",
                            login.binding()));

            assertRefused(refused, login.browser(), LtiError.STATE_BINDING_NOT_FROM_TOOL);
        }

        @Test
        void bindingPostedFromAnotherSiteNeverSignsTheBrowserIn() {
            // Login CSRF: someone launches as themselves with platform storage, keeps their own binding, and has a
            // victim's browser post it from their site, to sign the victim into the attacker's account.
            StorageLogin attacker = storageLogin("post_message_forwarding");
            HttpResponse<String> bridge = attacker.browser().launch(attacker.idToken(), attacker.state());
            Map<String, String> form = relaunchForm(bridge, attacker.binding());
            LaunchClient victim = browser();

            HttpResponse<String> crossSite = postForm(
                    victim,
                    "/lti/launch",
                    form,
                    Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://attacker.example"));
            HttpResponse<String> withoutFetchMetadata = postForm(victim, "/lti/launch", form, Map.of());
            HttpResponse<String> foreignOrigin =
                    postForm(victim, "/lti/launch", form, Map.of("Origin", "https://attacker.example"));

            assertRefused(crossSite, victim, LtiError.STATE_BINDING_NOT_FROM_TOOL);
            assertRefused(withoutFetchMetadata, victim, LtiError.STATE_BINDING_NOT_FROM_TOOL);
            assertRefused(foreignOrigin, victim, LtiError.STATE_BINDING_NOT_FROM_TOOL);
            // Only the tool's own page could still finish it; it is the attacker's own browser that holds it.
            assertLaunched(relaunch(attacker.browser(), form), attacker.browser(), CourseRole.STUDENT);
        }

        @Test
        void toolPageKnownByItsOriginHeaderMayPostTheBinding() {
            StorageLogin login = storageLogin("_parent");
            HttpResponse<String> bridge = login.browser().launch(login.idToken(), login.state());

            HttpResponse<String> launched = postForm(
                    login.browser(),
                    "/lti/launch",
                    relaunchForm(bridge, login.binding()),
                    Map.of("Origin", "http://localhost:" + port));

            assertLaunched(launched, login.browser(), CourseRole.STUDENT);
        }

        @Test
        void cookieBoundLoginNeverTakesABindingField() {
            LaunchClient browser = browser();
            LoginRedirect login = browser.login(PLATFORM);
            String binding = browser.cookies().remove(LoginInitiationFilter.BINDING_COOKIE_PREFIX + login.state());
            PlatformLogin started = new PlatformLogin(PLATFORM, browser, login.state(), login.nonce(), clock);

            HttpResponse<String> refused = relaunch(
                    browser,
                    Map.of(
                            "id_token",
                            started.signed(claims -> {}),
                            "state",
                            login.state(),
                            "lti_storage_binding",
                            binding,
                            "lti_storage_attempted",
                            "1"));

            assertRefused(refused, browser, LtiError.STATE_FOREIGN_BROWSER);
        }

        @Test
        void wrongBindingFromPlatformStorageIsRefused() {
            StorageLogin login = storageLogin("_parent");
            HttpResponse<String> bridge = login.browser().launch(login.idToken(), login.state());

            HttpResponse<String> refused = relaunch(login.browser(), relaunchForm(bridge, "not-the-binding"));

            assertRefused(refused, login.browser(), LtiError.STATE_FOREIGN_BROWSER);
        }

        @Test
        void wrongBindingNeverStartsASession() {
            StorageLogin login = storageLogin("_parent");

            HttpResponse<String> response = relaunch(
                    login.browser(),
                    Map.of(
                            "id_token",
                            login.idToken(),
                            "state",
                            login.state(),
                            "lti_storage_binding",
                            "not-the-binding",
                            "lti_storage_attempted",
                            "1"));

            assertThat(sessionCookies(response)).isEmpty();
            assertNoSession(login.browser());
        }

        @Test
        void emptyPlatformStorageIsRefused() {
            StorageLogin login = storageLogin("_parent");
            HttpResponse<String> bridge = login.browser().launch(login.idToken(), login.state());

            HttpResponse<String> refused = relaunch(login.browser(), relaunchForm(bridge, ""));

            assertRefused(refused, login.browser(), LtiError.STATE_FOREIGN_BROWSER);
        }

        @Test
        void launchThatKeptTheCookieNeedsNoPlatformStorage() {
            LaunchClient browser = browser();
            LoginRedirect login = browser.login(PLATFORM, Map.of("lti_storage_target", "_parent"));
            Map<String, String> next =
                    LaunchPages.query(LaunchPages.bridgeData(login.body()).get("next"));
            PlatformLogin started = new PlatformLogin(PLATFORM, browser, next.get("state"), next.get("nonce"), clock);

            assertLaunched(started.launch(claims -> {}), browser, CourseRole.STUDENT);
        }

        /** The tool's platform-storage page submitting its form: a same-origin POST, as the browser marks it. */
        private HttpResponse<String> relaunch(LaunchClient browser, Map<String, String> form) {
            return postForm(browser, "/lti/launch", form, Map.of("Sec-Fetch-Site", "same-origin"));
        }

        /** What the bridge page's script posts once platform storage answered with this binding. */
        private Map<String, String> relaunchForm(HttpResponse<String> bridge, String binding) {
            Map<String, String> form = new LinkedHashMap<>(LaunchPages.hiddenFields(bridge.body()));
            assertThat(form).containsKeys("id_token", "state", "lti_storage_binding");
            form.put("lti_storage_binding", binding);
            return form;
        }

        /** Login with platform storage, then the browser loses the binding cookie (third-party cookies blocked). */
        private StorageLogin storageLogin(String target) {
            LaunchClient browser = browser();
            LoginRedirect login = browser.login(PLATFORM, Map.of("lti_storage_target", target));
            assertThat(login.status()).isEqualTo(200);
            Map<String, String> store = LaunchPages.bridgeData(login.body());
            assertThat(store).containsEntry("mode", "store").containsEntry("target", target);
            Map<String, String> next = LaunchPages.query(store.get("next"));
            String state = next.get("state");
            String binding = browser.cookies().remove(LoginInitiationFilter.BINDING_COOKIE_PREFIX + state);
            assertThat(binding).isNotBlank().isEqualTo(store.get("value"));
            assertThat(store.get("key")).isEqualTo("lti_state_" + state);
            PlatformLogin started = new PlatformLogin(PLATFORM, browser, state, next.get("nonce"), clock);
            return new StorageLogin(browser, state, binding, started.signed(claims -> {}));
        }
    }

    record StorageLogin(LaunchClient browser, String state, String binding, String idToken) {}

    @Nested
    class Session {

        @Test
        void launchStartsASessionInAPartitionedSecureHttpOnlyCookie() {
            PlatformLogin login = login(PLATFORM);

            HttpResponse<String> response = login.launch(claims -> claims.claim("name", "Fenna Bakker")
                    .claim("locale", "nl")
                    .claim(LtiClaims.CONTEXT, Map.of("id", "course-7", "title", "Stage 2027")));

            assertThat(sessionCookies(response))
                    .singleElement()
                    .satisfies(cookie ->
                            assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=None", "Partitioned"));
            HttpResponse<String> launch = response.previousResponse().orElseThrow();
            assertThat(launch.statusCode()).isEqualTo(303);
            assertThat(launch.headers().firstValue("Location")).hasValue("/student/log");
            assertThat(launch.headers().firstValue("Cache-Control")).hasValue("no-store");
            Me me = me(login.browser());
            assertThat(me.role()).isEqualTo("STUDENT");
            assertThat(me.name()).isEqualTo("Fenna Bakker");
            assertThat(me.courseTitle()).isEqualTo("Stage 2027");
            assertThat(me.locale()).isEqualTo("nl");
        }

        @Test
        void pageBoundTokenAloneCarriesTheSession() {
            PlatformLogin login = login(PLATFORM);
            HttpResponse<String> landing = login.launch(claims -> {});
            String token = LaunchPages.sessionToken(landing.body()).orElseThrow();
            assertThat(token).isEqualTo(login.browser().cookies().get(LtiSessions.COOKIE));

            LaunchClient withoutCookies = browser();
            HttpResponse<String> me = withoutCookies.get("/api/me", Map.of(LtiSessions.HEADER, token));
            HttpResponse<String> home = withoutCookies.get("/home", Map.of(LtiSessions.HEADER, token));

            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(json.readValue(me.body(), Me.class)).isEqualTo(me(login.browser()));
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(LaunchPages.role(home.body())).hasValue("STUDENT");
            assertThat(withoutCookies.cookies()).doesNotContainKey(LtiSessions.COOKIE);
        }

        @Test
        void everyLaunchIssuesANewSessionToken() {
            PlatformLogin first = login(PLATFORM);
            String firstToken =
                    LaunchPages.sessionToken(first.launch(claims -> {}).body()).orElseThrow();
            LaunchClient browser = first.browser();

            LoginRedirect again = browser.login(PLATFORM);
            PlatformLogin second = new PlatformLogin(PLATFORM, browser, again.state(), again.nonce(), clock);
            HttpResponse<String> relaunch =
                    second.launch(claims -> claims.claim(LtiClaims.ROLES, List.of(TestPlatform.INSTRUCTOR)));
            String secondToken = LaunchPages.sessionToken(relaunch.body()).orElseThrow();

            assertThat(secondToken).isNotEqualTo(firstToken);
            assertThat(browser.cookies()).containsEntry(LtiSessions.COOKIE, secondToken);
            assertThat(me(browser).role()).isEqualTo("TEACHER");
        }

        @Test
        void twoTabsLaunchedFromTwoCoursesEachStayInTheirOwnCourse() {
            PlatformLogin first = login(PLATFORM);
            String firstTab = LaunchPages.sessionToken(first.launch(claims ->
                                    claims.claim(LtiClaims.CONTEXT, Map.of("id", "course-tab-1", "title", "Stage A")))
                            .body())
                    .orElseThrow();
            LaunchClient browser = first.browser();
            LoginRedirect again = browser.login(PLATFORM);
            String secondTab = LaunchPages.sessionToken(
                            new PlatformLogin(PLATFORM, browser, again.state(), again.nonce(), clock)
                                    .launch(claims -> claims.claim(
                                            LtiClaims.CONTEXT, Map.of("id", "course-tab-2", "title", "Stage B")))
                                    .body())
                    .orElseThrow();

            // The cookie follows the newest launch; each tab's page-bound token keeps its own course.
            assertThat(me(browser).courseTitle()).isEqualTo("Stage B");
            assertThat(json.readValue(
                                    browser.get("/api/me", Map.of(LtiSessions.HEADER, firstTab))
                                            .body(),
                                    Me.class)
                            .courseTitle())
                    .isEqualTo("Stage A");
            assertThat(json.readValue(
                                    browser.get("/api/me", Map.of(LtiSessions.HEADER, secondTab))
                                            .body(),
                                    Me.class)
                            .courseTitle())
                    .isEqualTo("Stage B");
        }

        @Test
        void sessionTokenPlantedBeforeTheLaunchNeverGetsTheUsersIdentity() {
            // Someone launches as themselves and slips their own session token into the victim's browser.
            PlatformLogin attacker = login(PLATFORM);
            String plantedToken = LaunchPages.sessionToken(
                            attacker.launch(claims -> {}).body())
                    .orElseThrow();
            long attackerId = me(attacker.browser()).userId();
            PlatformLogin victim = login(PLATFORM);
            victim.browser().cookies().put(LtiSessions.COOKIE, plantedToken);

            HttpResponse<String> response =
                    victim.launch(claims -> claims.claim(LtiClaims.ROLES, List.of(TestPlatform.INSTRUCTOR)));

            String victimToken = LaunchPages.sessionToken(response.body()).orElseThrow();
            assertThat(victimToken).isNotEqualTo(plantedToken);
            assertThat(victim.browser().cookies()).containsEntry(LtiSessions.COOKIE, victimToken);
            long victimId = me(victim.browser()).userId();
            assertThat(victimId).isNotEqualTo(attackerId);
            HttpResponse<String> withPlantedToken = browser().get("/api/me", Map.of(LtiSessions.HEADER, plantedToken));
            assertThat(withPlantedToken)
                    .satisfiesAnyOf(
                            planted -> assertThat(planted.statusCode()).isEqualTo(401),
                            planted -> assertThat(json.readValue(planted.body(), Me.class)
                                            .userId())
                                    .isEqualTo(attackerId));
        }

        @Test
        void homePageSpeaksTheLanguageOfTheLaunch() {
            PlatformLogin dutch = login(PLATFORM);
            PlatformLogin english = login(PLATFORM);

            HttpResponse<String> inDutch = dutch.launch(claims -> claims.claim("locale", "nl-NL"));
            HttpResponse<String> inEnglish = english.browser()
                    .followSeeOther(postForm(
                            english.browser(),
                            "/lti/launch",
                            Map.of(
                                    "id_token",
                                    english.signed(claims -> claims.claim("locale", "en")),
                                    "state",
                                    english.state()),
                            Map.of("Accept-Language", "nl")));

            assertThat(LaunchPages.language(inDutch.body())).hasValue("nl");
            assertThat(inDutch.body()).contains(htmlText("section.student.log.title", "nl"));
            assertThat(LaunchPages.language(inEnglish.body())).hasValue("en");
            assertThat(inEnglish.body()).contains(htmlText("section.student.log.title", "en"));
        }

        @Test
        void launchThisBrowserDidNotStartLeavesItsSessionAlone() {
            // A page on any site can make the browser post to the launch URL, or open it: that must not sign
            // the user out of the tool (nor sign anyone in).
            PlatformLogin login = login(PLATFORM);
            assertLaunched(login.launch(claims -> {}), login.browser(), CourseRole.STUDENT);
            LaunchClient browser = login.browser();
            long userId = me(browser).userId();
            PlatformLogin someoneElse = login(PLATFORM);
            String foreignToken = someoneElse.signed(claims -> {});

            HttpResponse<String> garbage = browser.post("/lti/launch", Map.of("id_token", "garbage", "state", "x"));
            HttpResponse<String> byGet = browser.get("/lti/launch?id_token=garbage");
            HttpResponse<String> unknownState =
                    browser.post("/lti/launch", Map.of("id_token", foreignToken, "state", someoneElse.state()));

            assertThat(garbage.statusCode()).isEqualTo(400);
            assertThat(byGet.statusCode()).isEqualTo(405);
            assertThat(unknownState.statusCode()).isEqualTo(400);
            assertThat(List.of(garbage, byGet, unknownState))
                    .allSatisfy(response -> assertThat(response.headers().allValues("Set-Cookie"))
                            .noneMatch(c -> c.startsWith(LtiSessions.COOKIE)));
            assertThat(me(browser).userId()).isEqualTo(userId);
        }

        @Test
        void refusedLaunchThisBrowserStartedEndsTheEarlierSession() {
            PlatformLogin first = login(PLATFORM);
            assertLaunched(first.launch(claims -> {}), first.browser(), CourseRole.STUDENT);
            LaunchClient browser = first.browser();
            LoginRedirect again = browser.login(PLATFORM);
            PlatformLogin second = new PlatformLogin(PLATFORM, browser, again.state(), again.nonce(), clock);

            HttpResponse<String> refused =
                    second.launch(claims -> claims.claim(LtiClaims.ROLES, List.of(LIS + "membership#Mentor")));

            assertRefused(refused, browser, LtiError.ACCESS_REFUSED);
        }

        @Test
        void sessionEndsAfterTwelveHoursHoweverMuchItIsUsed() {
            PlatformLogin login = login(PLATFORM);
            assertLaunched(login.launch(claims -> {}), login.browser(), CourseRole.STUDENT);

            for (int hour = 3; hour < 12; hour += 3) {
                clock.advance(Duration.ofHours(3));
                assertThat(login.browser().get("/api/me").statusCode())
                        .as("after %d hours in use", hour)
                        .isEqualTo(200);
            }
            clock.advance(Duration.ofHours(3));

            assertThat(login.browser().get("/api/me").statusCode()).isEqualTo(401);
        }

        @Test
        void launchedPagesMayBeFramedByTheCoursePageTheSignedReturnUrlNames() {
            PlatformLogin login = login(PLATFORM);
            HttpResponse<String> landing = login.launch(claims -> claims.claim(
                    LtiClaims.LAUNCH_PRESENTATION,
                    Map.of(
                            "document_target",
                            "iframe",
                            "return_url",
                            "https://canvas.hu.example/courses/12/external_tools")));

            String csp = login.browser()
                    .get("/student/log")
                    .headers()
                    .firstValue("Content-Security-Policy")
                    .orElseThrow();

            assertThat(landing.headers().firstValue("Content-Security-Policy")).hasValue(csp);
            assertThat(csp)
                    .endsWith(" https://canvas.hu.example")
                    .contains("frame-ancestors 'self' https://platform.example.edu ")
                    .doesNotContain("frame-ancestors *");
            assertThat(frameOrigins.ofRegistration(PLATFORM.registration().id().toString()))
                    .extracting(nl.leerlog.tool.admin.internal.launchlog.FrameOrigins.FrameOrigin::origin)
                    .contains("https://canvas.hu.example");
            // Another launch's page names another course page: each session keeps its own.
            PlatformLogin other = login(PLATFORM);
            other.launch(claims -> {});
            assertThat(other.browser().get("/student/log").headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(policy -> assertThat(policy).doesNotContain("canvas.hu.example"));
        }

        @Test
        void withoutALaunchThereIsNoSession() {
            assertNoSession(browser());
        }
    }

    // --- the browser, the platform and what the tool answers ---

    /** What {@code /api/me} tells about the launched user. */
    record Me(
            long userId,
            String name,
            String role,
            long courseId,
            String courseTitle,
            String locale,
            boolean testUser) {}

    /**
     * A browser that went through login initiation with a platform: it holds the binding cookie, and the
     * platform knows the state and nonce to answer with. Token times follow the tool's clock.
     */
    record PlatformLogin(TestPlatform platform, LaunchClient browser, String state, String nonce, MovableClock clock) {

        /** Valid claims of a student launch for this login, issued now. */
        JWTClaimsSet.Builder claims() {
            return timed(platform.launchClaims(nonce, browser.launchUrl()));
        }

        JWTClaimsSet.Builder timed(JWTClaimsSet.Builder claims) {
            Instant now = clock.instant();
            return claims.issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
        }

        String signed(Consumer<JWTClaimsSet.Builder> customize) {
            JWTClaimsSet.Builder claims = claims();
            customize.accept(claims);
            return platform.sign(claims.build());
        }

        /** The platform's form POST of a token signed with its key, after the test changed the claims. */
        HttpResponse<String> launch(Consumer<JWTClaimsSet.Builder> customize) {
            return launch(signed(customize));
        }

        HttpResponse<String> launch(String idToken) {
            return browser.launch(idToken, state);
        }
    }

    LaunchClient browser() {
        return new LaunchClient("http://localhost:" + port);
    }

    PlatformLogin login(TestPlatform platform) {
        LaunchClient browser = browser();
        LoginRedirect redirect = browser.login(platform);
        assertThat(redirect.status())
                .as("login initiation redirects to the platform: %s", redirect.body())
                .isEqualTo(302);
        return new PlatformLogin(platform, browser, redirect.state(), redirect.nonce(), clock);
    }

    HttpResponse<String> launchWithRoles(List<String> roles) {
        PlatformLogin login = login(PLATFORM);
        HttpResponse<String> response = login.launch(claims -> claims.claim(LtiClaims.ROLES, roles));
        assertThat(response.statusCode())
                .as("launch with roles %s: %s", roles, response.body())
                .isEqualTo(200);
        String role = LaunchPages.role(response.body()).orElseThrow();
        assertThat(me(login.browser()).role()).isEqualTo(role);
        return response;
    }

    static JWSHeader header(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(kid)
                .type(JOSEObjectType.JWT)
                .build();
    }

    static HttpResponse<String> postForm(
            LaunchClient browser, String path, Map<String, String> params, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.toolBaseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(LaunchClient.form(params)));
        headers.forEach(request::header);
        return browser.send(request);
    }

    /**
     * The session cookies a response starts (a cookie that clears the session starts none), with the launch's own
     * answer when the browser followed its redirect to the landing page.
     */
    static List<String> sessionCookies(HttpResponse<String> response) {
        List<String> setCookies = new java.util.ArrayList<>();
        for (HttpResponse<String> step = response;
                step != null;
                step = step.previousResponse().orElse(null)) {
            setCookies.addAll(step.headers().allValues("Set-Cookie"));
        }
        return setCookies.stream()
                .filter(cookie -> cookie.startsWith(LtiSessions.COOKIE + "=")
                        && !cookie.startsWith(LtiSessions.COOKIE + "=;")
                        && !cookie.toLowerCase(Locale.ROOT).contains("max-age=0"))
                .toList();
    }

    /** The message as the user reads it, in the given language. */
    String text(String key, String language) {
        return messages.getMessage(key, null, Locale.forLanguageTag(language));
    }

    /** The message as it stands in the HTML source of a page. */
    String htmlText(String key, String language) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text(key, language));
    }

    Me assertLaunched(HttpResponse<String> response, LaunchClient browser, CourseRole role) {
        assertThat(response.statusCode())
                .as("launch refused: %s", LaunchPages.errorCode(response.body()))
                .isEqualTo(200);
        assertThat(LaunchPages.role(response.body())).hasValue(role.name());
        assertThat(sessionCookies(response)).hasSize(1);
        Me me = me(browser);
        assertThat(me.role()).isEqualTo(role.name());
        return me;
    }

    Me me(LaunchClient browser) {
        HttpResponse<String> response = browser.get("/api/me");
        assertThat(response.statusCode()).as("/api/me: %s", response.body()).isEqualTo(200);
        return json.readValue(response.body(), Me.class);
    }

    /** A friendly page with the expected code, in the refusal's status, and no session anywhere. */
    void assertRefused(HttpResponse<String> response, LaunchClient browser, LtiError expected) {
        assertThat(response.statusCode())
                .as("status of %s: %s", expected, LaunchPages.errorCode(response.body()))
                .isEqualTo(expected.status());
        assertThat(response.statusCode())
                .satisfiesAnyOf(
                        status -> assertThat(status).isBetween(400, 499),
                        status -> assertThat(status).isEqualTo(503));
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(LaunchPages.errorCode(response.body())).hasValue(expected.name());
        assertThat(LaunchPages.errorReason(response.body()))
                .hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
        assertThat(LaunchPages.errorIdLine(response.body())).isPresent();
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "Whitelabel");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(sessionCookies(response)).isEmpty();
        assertNoSession(browser);
    }

    void assertLoginRefused(LoginRedirect login, LaunchClient browser, LtiError expected) {
        assertThat(login.status()).isEqualTo(expected.status()).isBetween(400, 499);
        assertThat(login.location()).isNull();
        assertThat(LaunchPages.errorCode(login.body())).hasValue(expected.name());
        assertThat(LaunchPages.errorReason(login.body()))
                .hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
        assertThat(login.body()).doesNotContain("Exception", "\tat ");
        assertThat(browser.cookies().keySet())
                .noneMatch(name -> name.startsWith(LoginInitiationFilter.BINDING_COOKIE_PREFIX))
                .doesNotContain(LtiSessions.COOKIE);
        assertNoSession(browser);
    }

    void assertNoSession(LaunchClient browser) {
        HttpResponse<String> me = browser.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(browser.cookies()).doesNotContainKey(LtiSessions.COOKIE);
    }
}
