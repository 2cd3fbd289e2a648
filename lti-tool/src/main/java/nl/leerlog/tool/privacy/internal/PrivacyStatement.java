package nl.leerlog.tool.privacy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The privacy statement as the tool shows it: {@code src/docs/privacy.md} (and its Dutch {@code privacy.nl.md}), which
 * the build copies into the jar, so the page and the document a privacy officer signs are one text. Rendered once;
 * the Markdown is our own, and still any raw HTML in it is shown as text.
 */
@Component
class PrivacyStatement {

    private final String english;
    private final String dutch;

    PrivacyStatement() {
        Parser parser =
                Parser.builder().extensions(List.of(TablesExtension.create())).build();
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(List.of(TablesExtension.create()))
                .escapeHtml(true)
                .sanitizeUrls(true)
                .build();
        this.english = renderer.render(parser.parse(read("docs/privacy.md")));
        this.dutch = renderer.render(parser.parse(read("docs/privacy.nl.md")));
    }

    /** The statement in Dutch for Dutch readers, in English for everyone else. */
    String html(Locale locale) {
        return "nl".equals(locale.getLanguage()) ? dutch : english;
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The privacy statement " + path + " is not in the jar", e);
        }
    }
}
