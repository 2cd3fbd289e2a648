package nl.leerlog.tool.system.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.tool.LeerlogApplication;
import nl.leerlog.tool.TestDatabases;
import nl.leerlog.tool.demo.internal.DemoLms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.util.HtmlUtils;

/**
 * The jar as a server starts it: no profile. Then Leerlog is production. Without the settings production needs it
 * does not start, and one report names each of them; with them it starts without the demo LMS and without the
 * development admin, and takes every URL it builds from {@code lti.tool-url}, whatever Host header a request brings.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartupTests {

    /** The tests' own default profile is dev (src/test/resources/config); the jar has none. */
    private static final String AS_THE_JAR = "--spring.profiles.default=default";

    private static final String TOOL_URL = "https://leerlog.example.test";
    private static final String FORGED_HOST = "evil.example";
    private static final String SCHEMA = TestDatabases.uniqueName();
    private static final String OPERATOR_PASSWORD = "a password of the operator's own";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static ConfigurableApplicationContext production;

    @BeforeAll
    static void startAsProduction() {
        Map<String, String> settings = new LinkedHashMap<>(TestDatabases.postgres(SCHEMA));
        settings.put("leerlog.keys.encryption-key", randomKey());
        settings.put("lti.tool-url", TOOL_URL);
        settings.put("leerlog.admin.username", "operator");
        settings.put("leerlog.admin.password-hash", "{bcrypt}" + new BCryptPasswordEncoder().encode(OPERATOR_PASSWORD));
        // Single sign-on for the console: its redirect URI is built from {baseUrl}, so from the request.
        settings.put("spring.security.oauth2.client.registration.school.client-id", "leerlog-admin");
        settings.put("spring.security.oauth2.client.registration.school.client-secret", "not-a-real-secret");
        settings.put("spring.security.oauth2.client.registration.school.scope", "openid,email");
        settings.put(
                "spring.security.oauth2.client.registration.school.authorization-grant-type", "authorization_code");
        settings.put(
                "spring.security.oauth2.client.registration.school.redirect-uri",
                "{baseUrl}/admin/login/oauth2/code/{registrationId}");
        settings.put(
                "spring.security.oauth2.client.provider.school.authorization-uri",
                "https://idp.school.example/authorize");
        settings.put("spring.security.oauth2.client.provider.school.token-uri", "https://idp.school.example/token");
        settings.put("spring.security.oauth2.client.provider.school.jwk-set-uri", "https://idp.school.example/jwks");
        production = start(settings);
    }

    @AfterAll
    static void stopAndDropSchema() {
        try {
            if (production != null) {
                production.close();
            }
        } finally {
            TestDatabases.dropSchema(SCHEMA);
        }
    }

    @Test
    void withoutAProfileOrSettingsTheToolDoesNotStartAndOneReportNamesEachMissingSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start(Map.of()))
                .isInstanceOfSatisfying(
                        MissingProductionSettingsException.class,
                        missing -> assertThat(missing.problems())
                                .satisfiesExactly(
                                        database -> assertThat(database)
                                                .startsWith("spring.datasource.url (LEERLOG_DATABASE_URL) is not set"),
                                        key -> assertThat(key)
                                                .startsWith(
                                                        "leerlog.keys.encryption-key (LEERLOG_KEYS_ENCRYPTION_KEY) is not set"),
                                        toolUrl -> assertThat(toolUrl)
                                                .startsWith("lti.tool-url (LTI_TOOLURL) is not set")));

        String report = output.getOut().substring(output.getOut().lastIndexOf("APPLICATION FAILED TO START"));
        assertThat(report)
                .contains(
                        "\nDescription:\n",
                        "\n  - spring.datasource.url",
                        "\n  - leerlog.keys.encryption-key",
                        "\n  - lti.tool-url",
                        "\nAction:\n",
                        "./mvnw spring-boot:run",
                        "--spring.profiles.active=dev");
        assertThat(report).doesNotContain("\tat ", "Caused by");
    }

    @Test
    void developmentSettingsAreRefusedAsUnsafe() {
        Properties dev = developmentProperties();
        Map<String, String> settings = new LinkedHashMap<>(TestDatabases.h2(TestDatabases.uniqueName()));
        settings.put("leerlog.keys.encryption-key", ProductionSettingsCheck.DEVELOPMENT_ENCRYPTION_KEY);
        settings.put("lti.tool-url", "http://leerlog.example.test");
        settings.put("leerlog.admin.password-hash", ProductionSettingsCheck.DEVELOPMENT_ADMIN_PASSWORD_HASH);

        assertThat(dev.getProperty("leerlog.keys.encryption-key"))
                .contains(ProductionSettingsCheck.DEVELOPMENT_ENCRYPTION_KEY);
        assertThat(dev.getProperty("leerlog.admin.password-hash"))
                .isEqualTo(ProductionSettingsCheck.DEVELOPMENT_ADMIN_PASSWORD_HASH);
        assertThatThrownBy(() -> start(settings))
                .isInstanceOfSatisfying(
                        MissingProductionSettingsException.class,
                        unsafe -> assertThat(unsafe.problems())
                                .satisfiesExactly(
                                        database -> assertThat(database).contains("is an in-memory H2 database"),
                                        key -> assertThat(key).contains("is the published development key"),
                                        toolUrl -> assertThat(toolUrl).contains("not an https URL"),
                                        admin -> assertThat(admin).contains("the development admin's")));
    }

    @Test
    void theProdProfileIsProductionToo() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LeerlogApplication.class)
                        .profiles("prod")
                        .run("--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off"))
                .isInstanceOfSatisfying(
                        MissingProductionSettingsException.class,
                        missing -> assertThat(missing.problems())
                                .extracting(problem -> problem.substring(0, problem.indexOf(' ')))
                                .containsExactly("leerlog.keys.encryption-key", "lti.tool-url"));
    }

    @Test
    void withTheSettingsItStartsWithoutTheDemoLmsOrTheDevelopmentAdmin() {
        LaunchClient visitor = new LaunchClient(baseUrl());

        assertThat(production.getEnvironment().getActiveProfiles()).isEmpty();
        assertThat(production.getEnvironment().matchesProfiles("dev")).isFalse();
        assertThat(production.getBeanProvider(DemoLms.class).getIfAvailable()).isNull();
        assertThat(visitor.get("/demo/lms/jwks").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/", Map.of("Accept-Language", "en")).body())
                .contains("opens from the course menu")
                .doesNotContain("Demo LMS", "/lti/login");
        assertThat(login(visitor, "admin", "leerlog-dev").headers().firstValue("Location"))
                .hasValue("/admin/login?error");
        assertThat(login(new LaunchClient(baseUrl()), "operator", OPERATOR_PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .hasValue("/admin/registrations");
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPortOnly() {
        LaunchClient management = new LaunchClient("http://127.0.0.1:" + managementPort());
        LaunchClient visitor = new LaunchClient(baseUrl());

        assertThat(managementPort()).isNotEqualTo(port());
        assertThat(management.get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
        assertThat(management.get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(management.get("/actuator/prometheus").body())
                .contains("jvm_memory_used_bytes", "hikaricp_connections_active", "http_server_requests_seconds");
        assertThat(visitor.get("/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/actuator/health/readiness").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> login(LaunchClient browser, String username, String password) {
        Matcher csrf = CSRF.matcher(browser.get("/admin/login").body());
        assertThat(csrf.find()).as("the login page's CSRF token").isTrue();
        return browser.post(
                "/admin/login",
                Map.of("username", username, "password", password, "_csrf", HtmlUtils.htmlUnescape(csrf.group(1))));
    }

    @Test
    void aForgedHostChangesNoUrlTheToolBuilds() throws IOException {
        Response canvas = withForgedHost("GET", "/lti/canvas.json", List.of(), "");
        Response toLogin = withForgedHost("GET", "/admin/registrations", List.of(), "");
        Response singleSignOn = withForgedHost("GET", "/admin/oauth2/authorization/school", List.of(), "");
        Response loginPage = withForgedHost("GET", "/admin/login", List.of(), "");
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).as("the login page's CSRF token").isTrue();
        Response failedLogin = withForgedHost(
                "POST",
                "/admin/login",
                List.of(
                        "Cookie: " + loginPage.header("Set-Cookie").split(";")[0],
                        "Content-Type: application/x-www-form-urlencoded"),
                "username=admin&password=leerlog-dev&_csrf="
                        + URLEncoder.encode(HtmlUtils.htmlUnescape(csrf.group(1)), StandardCharsets.UTF_8));

        assertThat(canvas.status()).isEqualTo(200);
        assertThat(canvas.body())
                .contains(
                        "\"oidc_initiation_url\":\"" + TOOL_URL + "/lti/login\"",
                        "\"target_link_uri\":\"" + TOOL_URL + "/lti/launch\"",
                        TOOL_URL + "/.well-known/jwks.json")
                .doesNotContain(FORGED_HOST);
        assertThat(toLogin.header("Location")).isEqualTo("/admin/login");
        assertThat(URLDecoder.decode(singleSignOn.header("Location"), StandardCharsets.UTF_8))
                .startsWith("https://idp.school.example/authorize?")
                .contains("redirect_uri=" + TOOL_URL + "/admin/login/oauth2/code/school")
                .doesNotContain(FORGED_HOST);
        assertThat(failedLogin.header("Location")).as("a relative redirect").isEqualTo("/admin/login?error");
    }

    /** A raw request: Java's HTTP client will not send a Host header of its own choosing. */
    private static Response withForgedHost(String method, String path, List<String> headers, String body)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                    .append("Host: " + FORGED_HOST + "\r\nX-Forwarded-Host: " + FORGED_HOST + "\r\n")
                    .append("X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: http\r\n")
                    .append("Accept: application/json,text/html\r\nConnection: close\r\n");
            headers.forEach(header -> request.append(header).append("\r\n"));
            request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            List<String> head = List.of(response.substring(0, end).split("\r\n"));
            return new Response(
                    Integer.parseInt(head.getFirst().split(" ")[1]),
                    head.subList(1, head.size()),
                    response.substring(end + 4));
        }
    }

    record Response(int status, List<String> headers, String body) {

        String header(String name) {
            return headers.stream()
                    .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " header in " + headers));
        }
    }

    private static ConfigurableApplicationContext start(Map<String, String> settings) {
        List<String> args = new ArrayList<>(
                List.of(AS_THE_JAR, "--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off"));
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(LeerlogApplication.class).run(args.toArray(String[]::new));
    }

    private static Properties developmentProperties() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("application-dev.properties"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int port() {
        return Integer.parseInt(production.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static int managementPort() {
        return Integer.parseInt(production.getEnvironment().getRequiredProperty("local.management.port"));
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
