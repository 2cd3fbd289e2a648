package nl.leerlog.lti.toolconfig;

import java.util.Map;
import java.util.Objects;

/**
 * A text the tool shows in a platform's screens, in its default language and in translations keyed by
 * language tag ({@code nl}). The application takes the texts from its message bundles.
 */
public record LocalizedText(String text, Map<String, String> translations) {

    public LocalizedText {
        Objects.requireNonNull(text, "text");
        translations = Map.copyOf(translations);
    }

    /** The text in one language, or the default text when there is no translation. */
    public String in(String language) {
        return translations.getOrDefault(language, text);
    }
}
