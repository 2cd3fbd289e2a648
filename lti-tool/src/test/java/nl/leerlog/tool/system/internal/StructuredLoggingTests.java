package nl.leerlog.tool.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.leerlog.tool.LeerlogApplication;
import nl.leerlog.tool.TestDatabases;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code logging.structured.format.console=ecs}, as the compose file and the Kubernetes manifests set it,
 * every log line is one JSON object (Spring Boot's Elastic Common Schema), also through logback-spring.xml, and
 * a line break a request brings stays inside its line. The app runs in a JVM of its own: logging is global to a
 * JVM, and the other tests read plain lines.
 */
class StructuredLoggingTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void withTheStructuredFormatEachLineIsAJsonObjectAndALineBreakStaysInside() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("leerlog-structured", ".log");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                LeerlogApplication.class.getName(),
                "--server.port=" + port,
                "--management.server.port=",
                "--spring.main.banner-mode=off",
                "--logging.structured.format.console=ecs"));
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> command.add("--" + name + "=" + value));
        Process app = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            String forged = "https://evil.example\r\n2026-01-01 INFO forged line";
            HttpResponse<String> login = loginOnceStarted(app, port, forged);
            assertThat(login.statusCode()).isEqualTo(400);
            List<String> lines = awaitLine(log, "no registration for issuer");

            assertThat(lines)
                    .allSatisfy(line ->
                            assertThat(JSON.readTree(line).isObject()).as(line).isTrue());
            JsonNode refused = lines.stream()
                    .map(JSON::readTree)
                    .filter(node -> node.path("message").asString("").contains("no registration for issuer"))
                    .findFirst()
                    .orElseThrow();
            assertThat(refused.path("message").asString()).contains("no registration for issuer " + forged);
            assertThat(refused.path("log").path("level").asString()).isEqualTo("WARN");
            assertThat(lines).noneMatch(line -> line.startsWith("2026-01-01"));
        } finally {
            app.destroyForcibly().waitFor();
            Files.deleteIfExists(log);
        }
    }

    private static HttpResponse<String> loginOnceStarted(Process app, int port, String issuer) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String query = "iss=" + URLEncoder.encode(issuer, StandardCharsets.UTF_8)
                + "&login_hint=someone&target_link_uri="
                + URLEncoder.encode("http://localhost:" + port + "/lti/launch", StandardCharsets.UTF_8);
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lti/login?" + query))
                .build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            assertThat(app.isAlive()).as("the app is running").isTrue();
            try {
                return http.send(login, HttpResponse.BodyHandlers.ofString());
            } catch (IOException notListeningYet) {
                assertThat(Instant.now()).as("the app answers within 120 s").isBefore(deadline);
                Thread.sleep(250);
            }
        }
    }

    /** The log's non-blank lines, once one of them contains {@code text}. */
    private static List<String> awaitLine(Path log, String text) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<String> lines = Files.readAllLines(log).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
            if (lines.stream().anyMatch(line -> line.contains(text))
                    || Instant.now().isAfter(deadline)) {
                return lines;
            }
            Thread.sleep(100);
        }
    }
}
