package nl.leerlog.tool.system.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every setting the application reads, as the configuration processors of Leerlog, of Spring Boot and of the
 * libraries describe them in {@code META-INF/spring-configuration-metadata.json}, plus the environment variables
 * that {@code application.properties} names in its placeholders.
 */
final class Settings {

    /** One setting; {@code defaultValue} as the metadata gives it, or null. */
    record Setting(String name, String type, String defaultValue, String description) {

        /** Spring's relaxed binding of an environment variable: {@code lti.tool-url} is {@code LTI_TOOLURL}. */
        String environmentVariable() {
            return environmentVariable(name);
        }

        static String environmentVariable(String name) {
            return name.replace("-", "")
                    .replace("[", "_")
                    .replace("]", "")
                    .replace('.', '_')
                    .toUpperCase(Locale.ROOT);
        }

        /**
         * Lists of objects take their elements by index: {@code LTI_PLATFORMS_0_ISSUER}. Lists of plain values are
         * one comma-separated value.
         */
        boolean hasElements() {
            return type != null
                    && (type.startsWith("java.util.List<") || type.startsWith("java.util.Map<"))
                    && !type.matches("java\\.util\\.List<java\\.[a-z]+\\.[A-Za-z]+>");
        }

        boolean isOwn() {
            return name.startsWith("leerlog.") || name.startsWith("lti.");
        }
    }

    private static final Pattern PLACEHOLDER_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private Settings() {}

    static List<Setting> all() {
        List<Setting> settings = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            // The configuration processor merged each module's additional metadata into this file.
            for (String file : List.of("META-INF/spring-configuration-metadata.json")) {
                for (URL url : Collections.list(Settings.class.getClassLoader().getResources(file))) {
                    try (InputStream in = url.openStream()) {
                        JsonNode properties = json.readTree(in).path("properties");
                        for (JsonNode property : properties) {
                            settings.add(new Setting(
                                    property.path("name").asString(),
                                    property.path("type").asString(null),
                                    defaultValue(property.get("defaultValue")),
                                    property.path("description").asString(null)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    /** A list's default is its elements, comma-separated, as a property would give them. */
    private static String defaultValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> elements = new ArrayList<>();
            value.forEach(element -> elements.add(element.asString()));
            return elements.isEmpty() ? null : String.join(",", elements);
        }
        return value.asString();
    }

    /** The settings of {@code application.properties}, the production file without a profile. */
    static Properties applicationProperties() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment variables a placeholder names in a properties file, e.g. {@code LEERLOG_DATABASE_URL}. */
    static List<String> placeholderVariables(String... propertiesFiles) {
        List<String> variables = new ArrayList<>();
        for (String file : propertiesFiles) {
            try (InputStream in = new ClassPathResource(file).getInputStream()) {
                Matcher matcher = PLACEHOLDER_VARIABLE.matcher(new String(in.readAllBytes()));
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return variables;
    }

    /** The variable a placeholder in the setting's value names, e.g. {@code ${LEERLOG_KEYS_ENCRYPTION_KEY:}}. */
    static String placeholderVariable(String value) {
        Matcher matcher = PLACEHOLDER_VARIABLE.matcher(value == null ? "" : value);
        return matcher.find() ? matcher.group(1) : null;
    }
}
