package nl.leerlog.tool.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leerlog.tool.LeerlogApplication;
import nl.leerlog.tool.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production on PostgreSQL while the database goes away and comes back, as in a restart or a fail-over: requests
 * that need it answer a clear 503 page with an error id and {@code Retry-After} (never a 500 or a stack trace), the
 * instance reports itself not ready so the load balancer sends users elsewhere, and once the database is back it
 * serves again without a restart.
 */
class DatabaseOutageTests {

    private static final String SCHEMA = TestDatabases.uniqueName();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static TcpRelay database;
    private static ConfigurableApplicationContext production;

    @BeforeAll
    static void startBehindARelayToTheDatabase() {
        database = new TcpRelay(
                "127.0.0.1",
                URI.create(TestDatabases.postgres(SCHEMA)
                                .get("spring.datasource.url")
                                .substring("jdbc:".length()))
                        .getPort());
        Map<String, String> settings = new LinkedHashMap<>(TestDatabases.postgres(SCHEMA));
        settings.put(
                "spring.datasource.url",
                settings.get("spring.datasource.url").replaceFirst(":\\d+/", ":" + database.port() + "/"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        settings.put("leerlog.keys.encryption-key", Base64.getEncoder().encodeToString(key));
        settings.put("lti.tool-url", "https://leerlog.example.test");
        // Fail fast rather than hold the request for the pool's default 30 s.
        settings.put("spring.datasource.hikari.connection-timeout", "1000");
        settings.put("spring.datasource.hikari.validation-timeout", "500");
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.default=default",
                "--server.port=0",
                "--management.server.port=0",
                "--spring.main.banner-mode=off"));
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        production = new SpringApplicationBuilder(LeerlogApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        try {
            if (production != null) {
                production.close();
            }
            if (database != null) {
                database.close();
            }
        } finally {
            TestDatabases.dropSchema(SCHEMA);
        }
    }

    @Test
    void whileTheDatabaseIsAwayPagesAnswer503AndTheInstanceIsNotReadyThenItServesAgain() throws Exception {
        String login = "/lti/login?iss=https%3A%2F%2Flms.example.test&login_hint=someone"
                + "&target_link_uri=https%3A%2F%2Fleerlog.example.test%2Flti%2Flaunch";
        assertThat(get(app(login)).statusCode())
                .as("an unknown LMS, with the database up")
                .isEqualTo(400);
        assertThat(get(management("/actuator/health/readiness")).statusCode()).isEqualTo(200);

        database.cut();
        HttpResponse<String> unavailable = get(app(login));
        HttpResponse<String> readiness = get(management("/actuator/health/readiness"));
        HttpResponse<String> liveness = get(management("/actuator/health/liveness"));

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue(ErrorPageController.RETRY_AFTER_SECONDS);
        assertThat(unavailable.body())
                .contains("Leerlog is briefly unavailable", "Error id: ")
                .doesNotContain("Exception", "\tat ", "jdbc:");
        assertThat(readiness.statusCode())
                .as("not ready: the load balancer sends users elsewhere")
                .isEqualTo(503);
        assertThat(liveness.statusCode()).as("alive: no restart needed").isEqualTo(200);

        database.mend();
        assertThat(eventually(() -> get(app(login)).statusCode(), 400)).isEqualTo(400);
        assertThat(eventually(
                        () -> get(management("/actuator/health/readiness")).statusCode(), 200))
                .isEqualTo(200);
    }

    private interface Status {
        int get() throws Exception;
    }

    /** The status once it is {@code expected}, or the last one after ten seconds of trying. */
    private static int eventually(Status status, int expected) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int last = status.get();
        while (last != expected && System.nanoTime() < end) {
            Thread.sleep(200);
            last = status.get();
        }
        return last;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Accept", uri.getPath().startsWith("/actuator/") ? "application/json" : "text/html")
                        .header("Accept-Language", "en")
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI app(String path) {
        return URI.create("http://127.0.0.1:" + production.getEnvironment().getProperty("local.server.port") + path);
    }

    private static URI management(String path) {
        return URI.create(
                "http://127.0.0.1:" + production.getEnvironment().getProperty("local.management.port") + path);
    }
}
