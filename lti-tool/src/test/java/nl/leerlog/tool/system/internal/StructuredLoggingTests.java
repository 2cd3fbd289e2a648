package nl.leerlog.tool.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import nl.leerlog.tool.OwnJvm;
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
        int port = OwnJvm.freePort();
        Path log = Files.createTempFile("leerlog-structured", ".log");
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--management.server.port=",
                "--spring.main.banner-mode=off",
                "--logging.structured.format.console=ecs"));
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> arguments.add("--" + name + "=" + value));
        Process app = OwnJvm.start(List.of(), arguments, log);
        try {
            String forged = "https://evil.example\r\n2026-01-01 INFO forged line";
            HttpResponse<String> login = loginOnceStarted(app, log, port, forged);
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

    private static HttpResponse<String> loginOnceStarted(Process app, Path log, int port, String issuer) {
        HttpClient http = HttpClient.newHttpClient();
        String query = "iss=" + URLEncoder.encode(issuer, StandardCharsets.UTF_8)
                + "&login_hint=someone&target_link_uri="
                + URLEncoder.encode("http://localhost:" + port + "/lti/launch", StandardCharsets.UTF_8);
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lti/login?" + query))
                .build();
        List<HttpResponse<String>> answer = new ArrayList<>();
        OwnJvm.await(
                "the app",
                app,
                log,
                Duration.ofSeconds(120),
                () -> answer.add(http.send(login, HttpResponse.BodyHandlers.ofString())));
        return answer.getFirst();
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
