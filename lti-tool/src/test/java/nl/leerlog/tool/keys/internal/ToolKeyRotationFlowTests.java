package nl.leerlog.tool.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import nl.leerlog.lti.keys.JwksEndpointFilter;
import nl.leerlog.lti.keys.ToolKeys;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.TestDatabases;
import nl.leerlog.tool.identity.internal.TestClockConfiguration;
import nl.leerlog.tool.keys.KeyRotation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Registration for LMS admins": the tool rotates its own keys while platforms keep launching it and keep
 * accepting its signed service tokens. The tool runs as in production, over HTTP, on a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class ToolKeyRotationFlowTests {

    static final TestPlatform PLATFORM = TestPlatform.start();

    @DynamicPropertySource
    static void platformAndDatabase(DynamicPropertyRegistry registry) {
        PLATFORM.properties(0).forEach((name, value) -> registry.add(name, () -> value));
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopPlatform() {
        PLATFORM.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    ToolKeys toolKeys;

    @Autowired
    KeyRotation rotation;

    @Autowired
    KeySettings settings;

    @Autowired
    KeyRotationProblems problems;

    @Test
    void aLaunchSignedByThePlatformKeepsWorkingAcrossARotation() {
        LaunchClient before = new LaunchClient("http://127.0.0.1:" + port);
        assertThat(launch(before).statusCode()).isEqualTo(200);
        assertThat(before.get("/api/me").statusCode()).isEqualTo(200);
        String signingKidBefore = toolKeys.signingKey().getKeyID();

        waitUntilTheNextKeyMaySign();
        rotation.rotateNow();

        assertThat(toolKeys.signingKey().getKeyID()).isNotEqualTo(signingKidBefore);
        LaunchClient after = new LaunchClient("http://127.0.0.1:" + port);
        HttpResponse<String> launchAfter = launch(after);
        assertThat(launchAfter.statusCode()).as(launchAfter.body()).isEqualTo(200);
        assertThat(after.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(before.get("/api/me").statusCode())
                .as("the session launched before the rotation")
                .isEqualTo(200);
    }

    @Test
    void serviceTokensSignedBeforeAndAfterARotationAreVerifiableFromTheJwks() throws Exception {
        RSAKey keyBefore = toolKeys.signingKey();
        String tokenBefore = serviceAssertion(keyBefore);
        JWKSet publishedBefore = fetchJwks();

        waitUntilTheNextKeyMaySign();
        rotation.rotateNow();
        RSAKey keyAfter = toolKeys.signingKey();
        String tokenAfter = serviceAssertion(keyAfter);

        assertThat(keyAfter.getKeyID()).isNotEqualTo(keyBefore.getKeyID());
        assertThat(publishedBefore.getKeyByKeyId(keyAfter.getKeyID()))
                .as("the new signing key was published before it signed")
                .isNotNull();
        JWKSet publishedAfter = fetchJwks();
        assertThat(publishedAfter.getKeys()).noneMatch(JWK::isPrivate);
        for (String token : List.of(tokenBefore, tokenAfter)) {
            SignedJWT jwt = SignedJWT.parse(token);
            JWK key = publishedAfter.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(key)
                    .as("published key for kid %s", jwt.getHeader().getKeyID())
                    .isNotNull();
            assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).isTrue();
        }
    }

    @Test
    void rotationAskedForTooSoonAnswersConflictWithProblemDetailsInTheAdminsLanguage() throws Exception {
        waitUntilTheNextKeyMaySign();
        rotation.rotateNow();
        List<ToolKeyView> keysAfterRotation = rotation.keys();
        // The admin console's button, played by a controller that only calls the public API.
        MockMvc console = MockMvcBuilders.standaloneSetup(new RotateButton(rotation))
                .setControllerAdvice(problems)
                .build();

        console.perform(post("/rotate").header("Accept-Language", "nl"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.title").value("Sleutel wisselen kan nog niet"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("over 10 minuten")))
                .andExpect(jsonPath("$.possibleAt").isNotEmpty());
        console.perform(post("/rotate").header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Key rotation not possible yet"));
        assertThat(rotation.keys()).isEqualTo(keysAfterRotation);
    }

    @RestController
    record RotateButton(KeyRotation rotation) {

        @PostMapping("/rotate")
        void rotate() {
            rotation.rotateNow();
        }
    }

    /** A fresh NEXT key may sign only once platforms can have fetched it: move the clock on until then. */
    private void waitUntilTheNextKeyMaySign() {
        Instant nextCreated = rotation.keys().stream()
                .filter(key -> key.state() == ToolKeyState.NEXT)
                .findFirst()
                .orElseThrow()
                .createdAt();
        Duration wait = Duration.between(clock.instant(), nextCreated.plus(settings.publishBeforeUse()));
        if (wait.isPositive()) {
            clock.advance(wait);
        }
    }

    private HttpResponse<String> launch(LaunchClient browser) {
        Instant now = clock.instant();
        return browser.fullLaunch(
                PLATFORM, claims -> claims.issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))));
    }

    private JWKSet fetchJwks() throws Exception {
        HttpResponse<String> response = new LaunchClient("http://127.0.0.1:" + port).get(JwksEndpointFilter.PATH);
        assertThat(response.statusCode()).isEqualTo(200);
        return JWKSet.parse(response.body());
    }

    /** A client-credentials assertion as the tool sends to a platform's token endpoint (Sec §4.1). */
    private String serviceAssertion(RSAKey key) throws Exception {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(PLATFORM.clientId())
                .subject(PLATFORM.clientId())
                .audience(PLATFORM.tokenUri().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
