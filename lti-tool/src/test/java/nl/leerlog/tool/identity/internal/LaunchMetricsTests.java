package nl.leerlog.tool.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.LaunchedCourseTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The launch as an operator's metrics count it: by outcome, role and refusal reason, and the live sessions. */
class LaunchMetricsTests extends LaunchedCourseTests {

    @Autowired
    MeterRegistry registry;

    @Test
    void anAcceptedLaunchIsCountedByRoleAndItsSessionAsActive() {
        double before = count("accepted", "role", "student");

        launch("metrics-course", TestPlatform.LEARNER, "en");

        assertThat(count("accepted", "role", "student")).isEqualTo(before + 1);
        assertThat(registry.get("leerlog.sessions.active").gauge().value()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRefusedLoginIsCountedByItsReason() throws Exception {
        double before = count("refused", "reason", "login_unknown_platform");
        String query = "iss=" + URLEncoder.encode("https://unknown-lms.example", StandardCharsets.UTF_8)
                + "&login_hint=someone&target_link_uri="
                + URLEncoder.encode("http://localhost:" + port + "/lti/launch", StandardCharsets.UTF_8);

        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lti/login?" + query))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(count("refused", "reason", "login_unknown_platform")).isEqualTo(before + 1);
    }

    @Test
    void theKeySetFetchOfALaunchIsTimedByPurposeAndOutcome() {
        launch("metrics-keys-course", TestPlatform.LEARNER, "en");

        Timer fetches = registry.find("lti.platform.requests")
                .tag("purpose", "keys")
                .tag("outcome", "2xx")
                .timer();
        assertThat(fetches).isNotNull();
        assertThat(fetches.count()).isPositive();
    }

    private double count(String outcome, String tag, String value) {
        Counter counter = registry.find("leerlog.launches")
                .tag("outcome", outcome)
                .tag(tag, value)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
