package nl.leerlog.lti.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.leerlog.lti.claims.LaunchClaimsReader;
import nl.leerlog.lti.claims.LtiLaunch;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.lti.testing.TestPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Two instances of the tool over one session store, each with its few seconds of memory. */
class LtiSessionsTests {

    private static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private final MovableClock clock = MovableClock.standingAt(Instant.parse("2026-12-04T09:00:00Z"));
    private final InMemoryLtiSessionStore store = new InMemoryLtiSessionStore();
    private final LtiSessions instanceA =
            new LtiSessions(store, clock, Duration.ofHours(8), Duration.ofHours(12), CACHE_TTL);
    private final LtiSessions instanceB =
            new LtiSessions(store, clock, Duration.ofHours(8), Duration.ofHours(12), CACHE_TTL);

    @Test
    void anEndedSessionIsGoneAtOnceWhereItEndedAndWithinTheCacheTimeEverywhere() {
        String token = start(instanceA);
        assertThat(instanceB.resolve(withHeader(token))).isPresent(); // B has read it now

        instanceA.end(withHeader(token), new MockHttpServletResponse());

        assertThat(instanceA.resolve(withHeader(token))).isEmpty();
        assertThat(store.find(SecureTokens.sha256(token))).isEmpty();
        clock.advance(CACHE_TTL.plusMillis(1));
        assertThat(instanceB.resolve(withHeader(token))).isEmpty();
    }

    @Test
    void aCachedSessionStillEndsOnTime() {
        String token = start(instanceA);
        assertThat(instanceA.resolve(withHeader(token))).isPresent();

        clock.advance(Duration.ofHours(8));

        assertThat(instanceA.resolve(withHeader(token))).isEmpty();
    }

    private String start(LtiSessions sessions) {
        try (TestPlatform platform = TestPlatform.start()) {
            JWTClaimsSet claims = platform.launchClaims("nonce", "https://tool.example/lti/launch")
                    .build();
            LtiLaunch launch = LaunchClaimsReader.read(platform.registration().id(), claims);
            MockHttpServletRequest request = new MockHttpServletRequest();
            sessions.start(
                    request,
                    new MockHttpServletResponse(),
                    launch,
                    new LaunchGrant(List.of("ROLE_STUDENT"), Map.of()),
                    "frame-ancestors 'self'");
            return (String) request.getAttribute(LtiSessions.TOKEN_ATTRIBUTE);
        }
    }

    private static MockHttpServletRequest withHeader(String token) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(LtiSessions.HEADER, token);
        return request;
    }
}
