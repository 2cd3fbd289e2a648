package nl.leerlog.tool.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.LeerlogApplication;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Full launches over loopback, as a user's browser makes them: the platform's login initiation, the tool's
 * redirect to the platform, the platform signing an id_token, the launch, the landing page it sends the browser
 * to, and {@code /api/me}; a new user and nonce every flow. Not part of {@code ./mvnw verify} (the class name
 * matches no test pattern); run it on a quiet machine with
 * <pre>
 * ./mvnw -pl lti-tool -am verify -Dtest=LaunchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbenchmark.database=postgres] [-Dbenchmark.clients=4,16] [-Dbenchmark.launches=5000]
 * </pre>
 * It reports launches per second, the tool's latency per flow (every request of the flow except the platform's
 * signing) at p50/p95/p99, the SQL statements and the CPU time (of this JVM) per flow, and the resident memory of this JVM (tool and load
 * generator together) after the run.
 */
class LaunchBenchmark {

    private static final AtomicLong STATEMENTS = new AtomicLong();
    private static final com.sun.management.OperatingSystemMXBean PROCESS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    @Test
    void fullLaunchRoundTrips() throws Exception {
        List<Integer> clientCounts = Arrays.stream(
                        System.getProperty("benchmark.clients", "4,16").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        int launches = Integer.getInteger("benchmark.launches", 5000);
        // On two cores the JIT is still compiling after the first few thousand launches; measure the steady state.
        int warmup = Integer.getInteger("benchmark.warmup", 12000);

        try (TestPlatform platform = TestPlatform.start();
                BenchmarkDatabase database = new BenchmarkDatabase()) {
            List<String> args = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--logging.level.root=WARN",
                    "--logging.level.nl.leerlog.lti.failure.LtiFailures=ERROR"));
            platform.properties(0).forEach((name, value) -> args.add("--" + name + "=" + value));
            args.addAll(database.arguments());
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
                            LeerlogApplication.class, CountStatements.class)
                    .run(args.toArray(String[]::new))) {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                String tool = "http://localhost:" + port;

                run(platform, tool, 16, warmup);
                List<String> report = new ArrayList<>();
                for (int clients : clientCounts) {
                    STATEMENTS.set(0);
                    long cpuBefore = PROCESS.getProcessCpuTime();
                    Result result = run(platform, tool, clients, launches);
                    double cpuMillis = (PROCESS.getProcessCpuTime() - cpuBefore) / 1e6 / launches;
                    report.add(String.format(
                            "%s, %2d clients, %d launches: %.0f launches/s, tool latency p50 %.1f ms, "
                                    + "p95 %.1f ms, p99 %.1f ms, %.1f SQL statements per launch, %.1f ms CPU per launch "
                                    + "(tool and generator, %d cores)",
                            database.name(),
                            clients,
                            launches,
                            result.perSecond(),
                            result.percentile(50),
                            result.percentile(95),
                            result.percentile(99),
                            (double) STATEMENTS.get() / launches,
                            cpuMillis,
                            Runtime.getRuntime().availableProcessors()));
                    assertThat(result.failures()).isZero();
                }
                report.add("resident memory after the runs: " + residentMegabytes() + " MB");
                System.out.printf("%nLaunch benchmark%n  %s%n%n", String.join("\n  ", report));
            }
        }
    }

    /** Counts every SQL statement the application runs through jOOQ (all of its statements). */
    @Configuration(proxyBeanMethods = false)
    static class CountStatements {
        @Bean
        DefaultExecuteListenerProvider statementCounter() {
            return new DefaultExecuteListenerProvider(new ExecuteListener() {
                @Override
                public void executeStart(ExecuteContext ctx) {
                    STATEMENTS.incrementAndGet();
                }
            });
        }
    }

    private record Result(double perSecond, List<Long> nanos, int failures) {
        double percentile(int p) {
            return Percentiles.percentile(nanos, p);
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
                    String idToken = platform.sign(platform.launchClaims(login.nonce(), browser.launchUrl())
                            .build());
                    long launchStart = System.nanoTime();
                    HttpResponse<String> launch = browser.launch(idToken, login.state());
                    HttpResponse<String> landing = launch.statusCode() == 303
                            ? browser.get(
                                    launch.headers().firstValue("Location").orElseThrow())
                            : launch;
                    HttpResponse<String> me = browser.get("/api/me", Map.of("Accept", "application/json"));
                    latencies.add(loginNanos + System.nanoTime() - launchStart);
                    if (login.status() != 302 || landing.statusCode() != 200 || me.statusCode() != 200) {
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

    private static long residentMegabytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
