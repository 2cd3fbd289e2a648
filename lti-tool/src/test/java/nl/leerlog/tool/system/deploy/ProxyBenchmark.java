package nl.leerlog.tool.system.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.LaunchClient.LoginRedirect;
import nl.leerlog.tool.benchmark.Percentiles;
import org.junit.jupiter.api.Test;

/**
 * Full launches per second through Debian's HAProxy (TLS ending there) with one instance and with two, on one
 * PostgreSQL, and each instance's resident memory after the load. Not part of the test run:
 *
 * <pre>
 * ./mvnw -pl lti-tool -am test -Dtest=ProxyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbenchmark.clients=16] [-Dbenchmark.seconds=30]
 * </pre>
 */
class ProxyBenchmark {

    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 16);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 30);

    @Test
    void launchesThroughTheProxyWithOneAndWithTwoInstances() throws Exception {
        for (int count : new int[] {1, 2}) {
            try (ProxiedInstances tool = new ProxiedInstances(count)) {
                load(tool, Math.max(5, SECONDS / 3));
                List<Long> latencies = load(tool, SECONDS);
                Collections.sort(latencies);
                System.out.printf(
                        "proxy benchmark: %d instance(s), %d clients: %.0f launches/s, p50 %.1f ms, p95 %.1f ms,"
                                + " p99 %.1f ms; RSS %s MiB%n",
                        count,
                        CLIENTS,
                        latencies.size() / (double) SECONDS,
                        Percentiles.percentile(latencies, 50),
                        Percentiles.percentile(latencies, 95),
                        Percentiles.percentile(latencies, 99),
                        tool.instances().stream()
                                .map(instance -> String.valueOf(instance.residentMegabytes()))
                                .toList());
                assertThat(latencies).isNotEmpty();
            }
        }
    }

    /** Full flows (login, launch, landing page, {@code /api/me}) for a while; the latency of each that worked. */
    private static List<Long> load(ProxiedInstances tool, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<List<Long>>> clients = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        if (flow(tool, tool.browser())) {
                            mine.add(System.nanoTime() - start);
                        }
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> client : clients) {
                all.addAll(client.get());
            }
            return all;
        }
    }

    private static boolean flow(ProxiedInstances tool, LaunchClient browser) {
        LoginRedirect login = browser.login(tool.platform());
        String idToken = tool.platform()
                .sign(tool.platform()
                        .launchClaims(login.nonce(), browser.launchUrl())
                        .build());
        return browser.launch(idToken, login.state()).statusCode() == 200
                && browser.get("/api/me").statusCode() == 200;
    }
}
