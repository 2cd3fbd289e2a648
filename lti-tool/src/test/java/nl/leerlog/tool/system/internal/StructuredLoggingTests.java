package nl.leerlog.tool.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.leerlog.tool.LeerlogApplication;
import nl.leerlog.tool.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code logging.structured.format.console=ecs}, as the compose file and the Kubernetes manifests set it,
 * every log line is one JSON object (Spring Boot's Elastic Common Schema), also through logback-spring.xml.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void withTheStructuredFormatEachLineIsAJsonObjectAndALineBreakStaysInside(CapturedOutput output) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=",
                "--spring.main.banner-mode=off",
                "--logging.structured.format.console=ecs"));
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> args.add("--" + name + "=" + value));
        int before = output.getOut().length();
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(LeerlogApplication.class).run(args.toArray(String[]::new))) {
            LoggerFactory.getLogger(StructuredLoggingTests.class)
                    .warn("Refused issuer {}", "https://lms.example\n2026-01-01 INFO forged line");

            List<String> lines = Arrays.stream(output.getOut().substring(before).split("\n"))
                    .filter(line -> !line.isBlank())
                    .toList();
            assertThat(lines).isNotEmpty();
            assertThat(lines)
                    .allSatisfy(line ->
                            assertThat(JSON.readTree(line).isObject()).as(line).isTrue());
            JsonNode refused = lines.stream()
                    .map(JSON::readTree)
                    .filter(node -> node.path("message").asString("").startsWith("Refused issuer"))
                    .findFirst()
                    .orElseThrow();
            assertThat(refused.path("message").asString())
                    .isEqualTo("Refused issuer https://lms.example\n2026-01-01 INFO forged line");
            assertThat(refused.path("log").path("level").asString()).isEqualTo("WARN");
            assertThat(lines).noneMatch(line -> line.startsWith("2026-01-01"));
        }
    }
}
