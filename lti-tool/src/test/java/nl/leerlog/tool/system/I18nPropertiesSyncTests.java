package nl.leerlog.tool.system;

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
import nl.leerlog.lti.launch.LtiError;
import org.junit.jupiter.api.Test;

/** Every text exists in Dutch and in English, and every key a page or an error uses is there. */
class I18nPropertiesSyncTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z][\\w.-]+)[}(]");

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
        Set<Object> english = load("messages.properties").keySet();
        Set<Object> dutch = load("messages_nl.properties").keySet();

        assertThat(dutch).as("keys missing in Dutch").containsAll(english);
        assertThat(english).as("keys missing in English").containsAll(dutch);
    }

    @Test
    void noTextIsLeftEmpty() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_nl.properties"}) {
            load(file).forEach((key, value) -> assertThat(value.toString()).as(file + " " + key).isNotBlank());
        }
    }

    @Test
    void everyLaunchRefusalHasAText() throws IOException {
        Set<Object> keys = load("messages.properties").keySet();
        assertThat(keys).containsAll(Arrays.stream(LtiError.values()).map(LtiError::messageKey).toList());
    }

    @Test
    void everyLiteralKeyInTheTemplatesExists() throws IOException {
        Set<Object> keys = load("messages.properties").keySet();
        Set<String> used = new HashSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
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
