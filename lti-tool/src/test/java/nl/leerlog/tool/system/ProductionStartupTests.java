package nl.leerlog.tool.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
import nl.leerlog.tool.demo.DemoLms;
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
 * development admin.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartupTests {

    /** The tests' own default profile is dev (src/test/resources/config); the jar has none. */
    private static final String AS_THE_JAR = "--spring.profiles.default=default";
    private static final String TOOL_URL = "https://leerlog.example.test";
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
                .isInstanceOfSatisfying(MissingProductionSettingsException.class, missing -> assertThat(missing.problems())
                        .satisfiesExactly(
                                database -> assertThat(database).startsWith("spring.datasource.url (LEERLOG_DATABASE_URL) is not set"),
                                key -> assertThat(key).startsWith("leerlog.keys.encryption-key (LEERLOG_KEYS_ENCRYPTION_KEY) is not set"),
                                toolUrl -> assertThat(toolUrl).startsWith("lti.tool-url (LTI_TOOLURL) is not set")));

        String report = output.getOut().substring(output.getOut().lastIndexOf("APPLICATION FAILED TO START"));
        assertThat(report).contains("\nDescription:\n", "\n  - spring.datasource.url",
                "\n  - leerlog.keys.encryption-key", "\n  - lti.tool-url", "\nAction:\n", "./mvnw spring-boot:run",
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
                .isInstanceOfSatisfying(MissingProductionSettingsException.class, unsafe -> assertThat(unsafe.problems())
                        .satisfiesExactly(
                                database -> assertThat(database).contains("is an in-memory H2 database"),
                                key -> assertThat(key).contains("is the published development key"),
                                toolUrl -> assertThat(toolUrl).contains("not an https URL"),
                                admin -> assertThat(admin).contains("the development admin's")));
    }

    @Test
    void theProdProfileIsProductionToo() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LeerlogApplication.class).profiles("prod")
                .run("--server.port=0", "--spring.main.banner-mode=off"))
                .isInstanceOfSatisfying(MissingProductionSettingsException.class, missing -> assertThat(missing.problems())
                        .extracting(problem -> problem.substring(0, problem.indexOf(' ')))
                        .containsExactly("leerlog.keys.encryption-key", "lti.tool-url"));
    }

    @Test
    void withTheSettingsItStartsWithoutTheDemoLmsOrTheDevelopmentAdmin() {
        LaunchClient visitor = new LaunchClient(baseUrl());

        assertThat(production.getEnvironment().getActiveProfiles()).isEmpty();
        assertThat(production.getEnvironment().matchesProfiles("dev")).isFalse();
        assertThat(production.getBeanProvider(DemoLms.class).getIfAvailable()).isNull();
        assertThat(visitor.get("/demo/").statusCode()).isEqualTo(404);
        assertThat(visitor.get("/").body()).doesNotContain("/demo/");
        assertThat(login(visitor, "admin", "leerlog-dev").headers().firstValue("Location"))
                .hasValue("/admin/login?error");
        assertThat(login(new LaunchClient(baseUrl()), "operator", OPERATOR_PASSWORD).headers().firstValue("Location"))
                .hasValue("/admin/registrations");
    }

    private static HttpResponse<String> login(LaunchClient browser, String username, String password) {
        Matcher csrf = CSRF.matcher(browser.get("/admin/login").body());
        assertThat(csrf.find()).as("the login page's CSRF token").isTrue();
        return browser.post("/admin/login", Map.of("username", username, "password", password,
                "_csrf", HtmlUtils.htmlUnescape(csrf.group(1))));
    }

    private static ConfigurableApplicationContext start(Map<String, String> settings) {
        List<String> args = new ArrayList<>(List.of(AS_THE_JAR, "--server.port=0", "--spring.main.banner-mode=off"));
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

    private static String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
