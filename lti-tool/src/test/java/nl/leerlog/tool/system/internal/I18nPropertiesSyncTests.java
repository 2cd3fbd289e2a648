package nl.leerlog.tool.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.leerlog.lti.failure.LtiError;
import org.junit.jupiter.api.Test;

/** Every text exists in Dutch and in English, and every key a page or an error uses is there. */
class I18nPropertiesSyncTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z][\\w.-]+)[}(]");

    /** Every message bundle, as named in {@code spring.messages.basename}. */
    private static final String[] BUNDLES = {
        "messages",
        "messages-admin",
        "messages-registration",
        "messages-programme",
        "messages-log",
        "messages-reflection",
        "messages-guidance",
        "messages-replyhelp",
        "messages-cafe",
        "messages-privacy",
        "messages-analytics",
        "messages-notifications",
        "messages-supervisor"
    };

    private static Properties all(String suffix) throws IOException {
        Properties properties = new Properties();
        for (String bundle : BUNDLES) {
            properties.putAll(load(bundle + suffix + ".properties"));
        }
        return properties;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nPropertiesSyncTests.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void dutchAndEnglishHaveTheSameKeys() throws IOException {
        for (String bundle : BUNDLES) {
            Set<Object> english = load(bundle + ".properties").keySet();
            Set<Object> dutch = load(bundle + "_nl.properties").keySet();

            assertThat(dutch).as("keys missing in Dutch in " + bundle).containsAll(english);
            assertThat(english).as("keys missing in English in " + bundle).containsAll(dutch);
        }
    }

    @Test
    void noTextIsLeftEmpty() throws IOException {
        for (String suffix : new String[] {"", "_nl"}) {
            all(suffix)
                    .forEach((key, value) ->
                            assertThat(value.toString()).as(suffix + " " + key).isNotBlank());
        }
    }

    @Test
    void everyLaunchRefusalHasAText() throws IOException {
        Set<Object> keys = all("").keySet();
        assertThat(keys)
                .containsAll(Arrays.stream(LtiError.values())
                        .map(LtiError::messageKey)
                        .toList());
    }

    @Test
    void everyLiteralKeyInTheTemplatesExists() throws IOException {
        Set<Object> keys = all("").keySet();
        Set<String> used = new HashSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }
}
