package nl.leerlog.tool.system.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Without the dev profile Leerlog is production, and production must not start on what only suits a developer's
 * copy: an in-memory database, no key (or the published development key) for the tool's private keys, URLs taken from
 * whatever Host header a request brings. Runs once the configuration is read and before any bean exists, so nothing
 * connects anywhere first, and reports every missing setting at once.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final String DEV_PROFILE = "dev";

    /** The development key of application-dev.properties: published, so it protects nothing. */
    static final String DEVELOPMENT_ENCRYPTION_KEY = "ZGV2ZWxvcG1lbnQtb25seS1sZWVybG9nLWtleS0wMDA=";
    /** The hash of the development admin's published password "leerlog-dev" (application-dev.properties). */
    static final String DEVELOPMENT_ADMIN_PASSWORD_HASH =
            "{bcrypt}$2a$10$4JqRtMrBdNOkzJukP0rPnuqACP8CC8GInLgrOmxf9BFF0JM1u78S6";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles(DEV_PROFILE)) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new MissingProductionSettingsException(problems);
        }
    }

    static List<String> problems(ConfigurableEnvironment environment) {
        List<String> problems = new ArrayList<>();
        String databaseUrl = value(environment, "spring.datasource.url");
        if (databaseUrl.isEmpty()) {
            problems.add(
                    "spring.datasource.url (LEERLOG_DATABASE_URL) is not set: Spring Boot would keep everything in "
                            + "an in-memory database, lost at every restart and not shared between instances. Set the JDBC URL "
                            + "of the PostgreSQL database, e.g. jdbc:postgresql://db:5432/leerlog.");
        } else if (databaseUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
            problems.add(
                    "spring.datasource.url (LEERLOG_DATABASE_URL) is an in-memory H2 database: everything would be "
                            + "lost at every restart. Set the JDBC URL of the PostgreSQL database, e.g. "
                            + "jdbc:postgresql://db:5432/leerlog.");
        }
        String encryptionKey = value(environment, "leerlog.keys.encryption-key");
        if (encryptionKey.isEmpty()) {
            problems.add("leerlog.keys.encryption-key (LEERLOG_KEYS_ENCRYPTION_KEY) is not set: it encrypts the tool's "
                    + "private signing keys in the database. Set it to the output of 'openssl rand -base64 32', the "
                    + "same on every instance, and keep it.");
        } else if (encryptionKey.equals(DEVELOPMENT_ENCRYPTION_KEY)) {
            problems.add("leerlog.keys.encryption-key (LEERLOG_KEYS_ENCRYPTION_KEY) is the published development key. "
                    + "Set a key of your own: the output of 'openssl rand -base64 32'.");
        }
        String toolUrl = value(environment, "lti.tool-url");
        if (toolUrl.isEmpty()) {
            problems.add("lti.tool-url (LTI_TOOLURL) is not set: without it the tool would take its own address from "
                    + "the Host header of each request, which anyone can choose. Set the public https URL of the tool, "
                    + "e.g. https://leerlog.example.edu.");
        } else if (!isHttpsUrl(toolUrl)) {
            problems.add("lti.tool-url (LTI_TOOLURL) is '" + toolUrl + "', not an https URL with a host: LTI messages "
                    + "travel over TLS only. Set the public https URL of the tool, e.g. https://leerlog.example.edu.");
        }
        if (value(environment, "leerlog.admin.password-hash").equals(DEVELOPMENT_ADMIN_PASSWORD_HASH)) {
            problems.add("leerlog.admin.password-hash (LEERLOG_ADMIN_PASSWORDHASH) is the development admin's, whose "
                    + "password is published. Set the bcrypt hash of a password of your own, or leave it out and use "
                    + "single sign-on.");
        }
        return problems;
    }

    private static String value(ConfigurableEnvironment environment, String name) {
        String value = environment.getProperty(name);
        return value == null ? "" : value.strip();
    }

    private static boolean isHttpsUrl(String value) {
        try {
            URI uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** After the configuration files and profiles are read (ConfigDataEnvironmentPostProcessor). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
