package nl.leerlog.tool;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nl.leerlog.lti.testing.TestPlatform;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Instances of Leerlog in the prod profile, in this JVM, on one PostgreSQL schema and behind one public origin, as
 * behind a load balancer. They share the tool keys' encryption key, as instances of one deployment do.
 */
public final class ProdInstances {

    /** The public origin every instance answers to. */
    public static final String TOOL_URL = "https://leerlog.example.test";

    private final String schema;
    private final TestPlatform platform;
    private final String encryptionKey = randomEncryptionKey();

    public ProdInstances(String schema, TestPlatform platform) {
        this.schema = schema;
        this.platform = platform;
    }

    public ConfigurableApplicationContext start() {
        // The test platform is on 127.0.0.1, which the prod profile's platform calls may not reach.
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--lti.tool-url=" + TOOL_URL,
                "--spring.main.banner-mode=off",
                "--leerlog.keys.encryption-key=" + encryptionKey,
                "--lti.platform-http.allow-private-hosts=true"));
        TestDatabases.postgres(schema).forEach((name, value) -> args.add("--" + name + "=" + value));
        platform.properties(0).forEach((name, value) -> args.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(LeerlogApplication.class)
                .profiles("prod")
                .run(args.toArray(String[]::new));
    }

    /** Where a started instance listens, straight, without the load balancer. */
    public static String baseUrl(ConfigurableApplicationContext instance) {
        return "http://127.0.0.1:" + instance.getEnvironment().getRequiredProperty("local.server.port");
    }

    private static String randomEncryptionKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
