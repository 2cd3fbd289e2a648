package nl.leerlog.tool.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import nl.leerlog.lti.failure.LtiFailures;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.tool.LaunchedCourseTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What a request sends cannot forge a log line: line breaks and other control characters in a logged value or an
 * exception's message come out encoded on their own line, through the application's logging (logback-spring.xml).
 */
@ExtendWith(OutputCaptureExtension.class)
class LogForgingTests extends LaunchedCourseTests {

    private static final String FORGED =
            "\r\n2026-01-01T00:00:00.000Z  INFO 1 --- [leerlog] [main] [forged] admin logged in";
    private static final String ENCODED =
            "\\r\\n2026-01-01T00:00:00.000Z  INFO 1 --- [leerlog] [main] [forged] admin logged in";

    private static final Logger log = LoggerFactory.getLogger(LtiFailures.class);

    @Test
    void aLoggedValueWithALineBreakStaysOnItsLineEncoded(CapturedOutput output) {
        log.warn("Refused issuer {}", "https://lms.example" + FORGED + "\u001b[2J\u2028");

        assertThat(lineWith(output, "Refused issuer"))
                .endsWith("Refused issuer https://lms.example" + ENCODED + "\\u001b[2J\\u2028");
        assertNoForgedLine(output);
    }

    @Test
    void anExceptionMessageStaysOnItsLineAndTheStackTraceKeepsItsLines(CapturedOutput output) {
        log.error(
                "Launch failed",
                new IllegalStateException("bad token" + FORGED, new IllegalArgumentException("cause" + FORGED)));

        assertThat(lineWith(output, "java.lang.IllegalStateException"))
                .isEqualTo("java.lang.IllegalStateException: bad token" + ENCODED);
        assertThat(lineWith(output, "Caused by: java.lang.IllegalArgumentException"))
                .isEqualTo("Caused by: java.lang.IllegalArgumentException: cause" + ENCODED);
        assertThat(output.getOut()).contains("\n\tat nl.leerlog.tool.system.internal.LogForgingTests.");
        assertNoForgedLine(output);
    }

    @Test
    void aLoginWithAForgedIssuerIsLoggedOnOneLine(CapturedOutput output) {
        LaunchClient browser = new LaunchClient("http://localhost:" + port);
        HttpResponse<String> login = browser.post(
                "/lti/login",
                Map.of(
                        "iss",
                        "https://evil.example" + FORGED,
                        "login_hint",
                        "someone",
                        "target_link_uri",
                        "http://localhost:" + port + "/lti/launch"));

        assertThat(login.statusCode()).isEqualTo(400);
        assertThat(lineWith(output, "no registration for issuer"))
                .contains("no registration for issuer https://evil.example" + ENCODED);
        assertNoForgedLine(output);
    }

    private static String lineWith(CapturedOutput output, String text) {
        return Arrays.stream(output.getOut().split("\n"))
                .filter(line -> line.contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line with " + text + " in:\n" + output.getOut()));
    }

    private static void assertNoForgedLine(CapturedOutput output) {
        assertThat(output.getOut().split("\n")).noneMatch(line -> line.startsWith("2026-01-01T00:00:00.000Z"));
        assertThat(output.getOut()).doesNotContain("\r");
    }
}
