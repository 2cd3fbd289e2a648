package nl.leerlog.tool.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.leerlog.tool.LeerlogApplication;
import nl.leerlog.tool.TestDatabases;
import nl.leerlog.tool.system.internal.MissingProductionSettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Outside the dev profile the encryption key of the tool keys must be configured: without it, or with a malformed
 * one, the tool does not start, and says what to set. With another key than the stored keys were encrypted with it
 * does not start either. Production refuses an in-memory database, so these starts use an H2 file.
 */
class ToolKeyStartupTests {

    private static final String TOOL_URL = "https://leerlog.example.test";

    @TempDir
    Path databases;

    @Test
    void productionWithoutAnEncryptionKeyDoesNotStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> start("prod", TestDatabases.uniqueName(), null))
                .satisfies(failure -> assertThat(((MissingProductionSettingsException)
                                        causeOfType(failure, MissingProductionSettingsException.class))
                                .problems())
                        .singleElement()
                        .asString()
                        .contains(
                                "leerlog.keys.encryption-key (LEERLOG_KEYS_ENCRYPTION_KEY) is not set",
                                "openssl rand -base64 32"));
    }

    @Test
    void productionWithAMalformedEncryptionKeyDoesNotStart() {
        assertThatThrownBy(() -> start("prod", TestDatabases.uniqueName(), "c2hvcnQ="))
                .satisfies(failure -> assertThat(causeOfType(failure, InvalidEncryptionKeyException.class))
                        .hasMessageContaining("decodes to 5 bytes instead of 32"));
    }

    @Test
    void theStartupReportOfAMalformedKeySaysWhatToSet() {
        Throwable failure = catchStartFailure("prod", TestDatabases.uniqueName(), "c2hvcnQ=");

        FailureAnalysis analysis = new ToolKeyFailureAnalyzer().analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("leerlog.keys.encryption-key decodes to 5 bytes instead of 32");
        assertThat(analysis.getAction()).contains("LEERLOG_KEYS_ENCRYPTION_KEY", "openssl rand -base64 32");
    }

    @Test
    void anotherEncryptionKeyThanTheStoredKeysWereEncryptedWithStopsStartUp() {
        String database = TestDatabases.uniqueName();
        try (ConfigurableApplicationContext first = start("prod", database, PrivateKeyCipherTests.randomKey())) {
            assertThat(first.getEnvironment().getActiveProfiles()).containsExactly("prod");
            assertThat(first.getBean(DatabaseToolKeys.class).signingKey().isPrivate())
                    .isTrue();
        }

        Throwable failure = catchStartFailure("prod", database, PrivateKeyCipherTests.randomKey());

        assertThat(causeOfType(failure, ToolKeyDecryptionException.class))
                .hasMessageContaining("is not the key it was encrypted with");
        assertThat(new ToolKeyFailureAnalyzer().analyze(failure).getAction()).contains("tool_key");
    }

    @Test
    void theDevProfileStartsWithItsDevelopmentKey() {
        try (ConfigurableApplicationContext dev = start("dev", TestDatabases.uniqueName(), null)) {
            assertThat(dev.getBean(DatabaseToolKeys.class).publicKeys().getKeys())
                    .hasSize(2);
        }
    }

    private ConfigurableApplicationContext start(String profile, String database, String encryptionKey) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.main.banner-mode=off",
                "--lti.tool-url=" + TOOL_URL));
        TestDatabases.h2File(databases, database).forEach((name, value) -> args.add("--" + name + "=" + value));
        if (encryptionKey != null) {
            args.add("--leerlog.keys.encryption-key=" + encryptionKey);
        }
        return new SpringApplicationBuilder(LeerlogApplication.class)
                .profiles(profile)
                .run(args.toArray(String[]::new));
    }

    private Throwable catchStartFailure(String profile, String database, String encryptionKey) {
        try (ConfigurableApplicationContext started = start(profile, database, encryptionKey)) {
            throw new AssertionError("the tool started");
        } catch (RuntimeException failure) {
            return failure;
        }
    }

    private static Throwable causeOfType(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
    }
}
