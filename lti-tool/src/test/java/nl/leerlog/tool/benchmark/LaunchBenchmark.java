package nl.leerlog.tool.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.LeerlogApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Full login + launch round trips over loopback: the platform's login initiation, the tool's redirect, the
 * platform signing an id_token, the launch and the rendered landing page. Not part of {@code ./mvnw verify}
 * (the class name matches no test pattern); run it on a quiet machine with
 * <pre>
 * ./mvnw -pl lti-tool -am verify -Dtest=LaunchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbenchmark.database=postgres] [-Dbenchmark.clients=16] [-Dbenchmark.launches=5000]
 * </pre>
 * Latency is the tool's part: the login request plus the launch request, without the platform's signing.
 */
class LaunchBenchmark {

    @Test
    void fullLaunchRoundTrips() throws Exception {
        int clients = Integer.getInteger("benchmark.clients", 16);
        int launches = Integer.getInteger("benchmark.launches", 5000);
        int warmup = Integer.getInteger("benchmark.warmup", 2000);
        boolean postgres = "postgres".equals(System.getProperty("benchmark.database"));

        try (TestPlatform platform = TestPlatform.start()) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
                    "--logging.level.nl.leerlog.lti.launch.LtiFailures=ERROR", "--server.tomcat.threads.max=64"));
            platform.properties(0).forEach((name, value) -> args.add("--" + name + "=" + value));
            String schema = "bench_" + Long.toHexString(System.nanoTime());
            if (postgres) {
                args.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
                args.add("--spring.datasource.username=postgres");
                args.add("--spring.flyway.schemas=" + schema);
                args.add("--spring.flyway.create-schemas=true");
                args.add("--spring.datasource.hikari.maximum-pool-size=20");
            }
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LeerlogApplication.class)
                    .run(args.toArray(String[]::new))) {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                String tool = "http://localhost:" + port;

                run(platform, tool, clients, warmup);
                Result result = run(platform, tool, clients, launches);

                System.out.printf("%nLaunch benchmark (%s, %d clients, %d launches): %.0f launches/s, "
                                + "tool latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n%n",
                        postgres ? "PostgreSQL" : "H2", clients, launches, result.perSecond(),
                        result.percentile(50), result.percentile(95), result.percentile(99));
                assertThat(result.failures()).isZero();
            } finally {
                if (postgres) {
                    try (Connection connection = DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
                        connection.createStatement().execute("drop schema if exists " + schema + " cascade");
                    }
                }
            }
        }
    }

    private record Result(double perSecond, List<Long> nanos, int failures) {
        double percentile(int p) {
            int index = (int) Math.ceil(p / 100.0 * nanos.size()) - 1;
            return nanos.get(Math.max(0, index)) / 1_000_000.0;
        }
    }

    private static Result run(TestPlatform platform, String tool, int clients, int launches) throws Exception {
        AtomicInteger remaining = new AtomicInteger(launches);
        AtomicInteger failures = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(launches));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    LaunchClient browser = new LaunchClient(tool);
                    long before = System.nanoTime();
                    LaunchClient.LoginRedirect login = browser.login(platform);
                    long loginNanos = System.nanoTime() - before;
                    String idToken = platform.sign(platform.launchClaims(login.nonce(), browser.launchUrl()).build());
                    long launchStart = System.nanoTime();
                    HttpResponse<String> landing = browser.launch(idToken, login.state());
                    latencies.add(loginNanos + System.nanoTime() - launchStart);
                    if (login.status() != 302 || landing.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(launches / seconds, sorted, failures.get());
    }

}
