package nl.leerlog.tool.system.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leerlog.tool.system.deploy.Settings.Setting;
import org.junit.jupiter.api.Test;

/**
 * {@code src/docs/configuration.md} lists every setting of Leerlog's own with its environment variable, its
 * default and what it does, as the settings' own documentation says: the table between its markers is made from
 * the settings metadata, so it cannot drift from the code. When a setting changes, run this test with
 * {@code -Dconfiguration.write=true} to write the table anew.
 */
class ConfigurationReferenceTests {

    static final Path REFERENCE = Path.of("..", "src", "docs", "configuration.md");
    private static final String START =
            "<!-- settings: made by ConfigurationReferenceTests from the settings metadata -->";
    private static final String END = "<!-- end of settings -->";
    private static final Pattern JAVADOC_TAG =
            Pattern.compile("\\{@(?:code|link|literal) ([^{}]*(?:\\{[^{}]*}[^{}]*)*)}");

    @Test
    void theReferenceListsEverySettingAsTheCodeDescribesIt() throws IOException {
        String document = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        assertThat(start)
                .as("the settings table's start marker in " + REFERENCE)
                .isNotNegative();
        assertThat(end).as("the settings table's end marker in " + REFERENCE).isGreaterThan(start);
        String expected = document.substring(0, start + START.length()) + "\n" + table() + document.substring(end);

        if (Boolean.getBoolean("configuration.write")) {
            Files.writeString(REFERENCE, expected, StandardCharsets.UTF_8);
        }
        assertThat(document)
                .as("src/docs/configuration.md is behind the settings; run ConfigurationReferenceTests with "
                        + "-Dconfiguration.write=true to write it anew")
                .isEqualTo(expected);
    }

    @Test
    void everySettingOfLeerlogSaysWhatItDoes() {
        assertThat(ownSettings())
                .filteredOn(setting ->
                        setting.description() == null || setting.description().isBlank())
                .extracting(Setting::name)
                .isEmpty();
    }

    private static List<Setting> ownSettings() {
        return Settings.all().stream()
                .filter(Setting::isOwn)
                .sorted(Comparator.comparing(Setting::name))
                .toList();
    }

    private static String table() {
        Properties application = Settings.applicationProperties();
        StringBuilder table = new StringBuilder("| setting | environment variable | default | what it does |\n")
                .append("|---|---|---|---|\n");
        for (Setting setting : ownSettings()) {
            String configured = application.getProperty(setting.name());
            String variable = Settings.placeholderVariable(configured);
            String defaultValue = configured != null ? withoutPlaceholder(configured) : setting.defaultValue();
            table.append("| `")
                    .append(setting.name())
                    .append(setting.hasElements() ? "[0]…" : "")
                    .append("` | `")
                    .append(variable != null ? variable : setting.environmentVariable())
                    .append(setting.hasElements() ? "_0_…" : "")
                    .append("` | ")
                    .append(defaultValue == null || defaultValue.isEmpty() ? "" : "`" + defaultValue + "`")
                    .append(" | ")
                    .append(markdown(setting.description()))
                    .append(" |\n");
        }
        return table.toString();
    }

    /** {@code ${VARIABLE:default}} is its default; a plain value is itself. */
    private static String withoutPlaceholder(String value) {
        Matcher placeholder = Pattern.compile("^\\$\\{[A-Z0-9_]+:(.*)}$").matcher(value);
        return placeholder.matches() ? placeholder.group(1) : value;
    }

    private static String markdown(String javadoc) {
        if (javadoc == null) {
            return "";
        }
        String text = JAVADOC_TAG
                .matcher(javadoc.replaceAll("\\s+", " ").strip())
                .replaceAll(tag -> Matcher.quoteReplacement("`" + tag.group(1) + "`"));
        return text.replace("|", "\\|");
    }
}
