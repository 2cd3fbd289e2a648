package nl.leerlog.tool.system.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.leerlog.lti.session.LtiSessions;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.LaunchClient.LoginRedirect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances behind Debian's HAProxy with the compose file's configuration, TLS ending at the proxy. Run by
 * the {@code haproxy} Maven profile, which is on wherever {@code /usr/sbin/haproxy} is installed (CI installs it).
 * The last test kills an instance under load, so the tests run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BehindHaproxy {

    private static ProxiedInstances tool;

    @BeforeAll
    static void startTwoInstancesBehindTheProxy() {
        tool = new ProxiedInstances(2);
    }

    @AfterAll
    static void stopAll() {
        if (tool != null) {
            tool.close();
        }
    }

    @Test
    @Order(1)
    void theToolsUrlsCookiesAndRedirectsAreThoseOfItsPublicHttpsAddress() {
        LaunchClient browser = tool.browser();

        LoginRedirect login = browser.login(tool.platform());

        assertThat(login.status()).isEqualTo(302);
        // Sec §5.1.1.2: the redirect_uri is the tool's launch URL as the platform knows it, not the instance's.
        assertThat(login.query()).containsEntry("redirect_uri", tool.toolUrl() + "/lti/launch");
        HttpResponse<String> launch = browser.launch(idToken(browser, login), login.state());
        assertThat(launch.statusCode()).as(launch.body()).isEqualTo(200);
        HttpResponse<String> answer = launch.previousResponse().orElseThrow();
        assertThat(answer.statusCode()).isEqualTo(303);
        URI landing =
                answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
        assertThat(landing.toString()).startsWith(tool.toolUrl() + "/");
        assertThat(answer.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith(LtiSessions.COOKIE + "="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).containsIgnoringCase("Secure"));
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void launchesAreSpreadOverBothInstancesAndASessionHoldsOnEither() {
        double[] before = accepted();
        LaunchClient browser = tool.browser();
        for (int i = 0; i < 6; i++) {
            LaunchClient other = tool.browser();
            assertThat(fullLaunch(other)).isTrue();
            // A flow is four requests; a fifth moves the next flow's launch POST to the other instance.
            assertThat(other.get("/.well-known/jwks.json").statusCode()).isEqualTo(200);
        }
        assertThat(fullLaunch(browser)).isTrue();

        double[] after = accepted();
        for (int i = 0; i < after.length; i++) {
            assertThat(after[i] - before[i])
                    .as("launches accepted by " + tool.instances().get(i).name())
                    .isPositive();
        }
        // Round robin sends these to both instances in turn; each knows the session from the database.
        for (int i = 0; i < 4; i++) {
            assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
        }
    }

    @Test
    @Order(3)
    void anInstanceKilledMidLoadLeavesTheOtherServingAndLosesNoLaunchBeyondARetry() throws Exception {
        LaunchClient earlier = tool.browser();
        assertThat(fullLaunch(earlier)).isTrue();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        List<Future<?>> clients = new ArrayList<>();
        int doneAtKill;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int c = 0; c < 4; c++) {
                clients.add(pool.submit(() -> {
                    while (running.get()) {
                        if (fullLaunch(tool.browser())) {
                            done.incrementAndGet();
                        } else if (fullLaunch(tool.browser())) {
                            retried.incrementAndGet();
                            done.incrementAndGet();
                        } else {
                            lost.incrementAndGet();
                        }
                    }
                }));
            }
            awaitCount(done, 20);
            doneAtKill = done.get();
            tool.kill(tool.instances().getFirst());
            Thread.sleep(Duration.ofSeconds(5));
            running.set(false);
            for (Future<?> client : clients) {
                client.get(60, TimeUnit.SECONDS);
            }
        }

        assertThat(lost.get()).as("launches that failed twice").isZero();
        assertThat(done.get() - doneAtKill).as("launches after the kill").isGreaterThan(10);
        assertThat(tool.instances().getFirst().process().isAlive()).isFalse();
        // The session started before the kill is in the database, so the surviving instance knows it.
        for (int i = 0; i < 4; i++) {
            assertThat(earlier.get("/api/me").statusCode()).isEqualTo(200);
        }
        System.out.printf(
                "behind haproxy: %d launches, %d after the kill, %d needed a retry%n",
                done.get(), done.get() - doneAtKill, retried.get());
    }

    /** The whole flow as a browser makes it through the proxy; false when any step failed. */
    private static boolean fullLaunch(LaunchClient browser) {
        try {
            LoginRedirect login = browser.login(tool.platform());
            if (login.status() != 302) {
                return false;
            }
            HttpResponse<String> launch = browser.launch(idToken(browser, login), login.state());
            return launch.statusCode() == 200 && browser.get("/api/me").statusCode() == 200;
        } catch (IllegalStateException connectionLost) {
            // LaunchClient wraps the I/O failure of a request cut off with its instance.
            return false;
        }
    }

    private static String idToken(LaunchClient browser, LoginRedirect login) {
        return tool.platform()
                .sign(tool.platform()
                        .launchClaims(login.nonce(), browser.launchUrl())
                        .build());
    }

    private static double[] accepted() {
        return tool.instances().stream().mapToDouble(tool::acceptedLaunches).toArray();
    }

    private static void awaitCount(AtomicInteger count, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(count.get()).as("launches before the kill").isGreaterThanOrEqualTo(atLeast);
    }
}
