package nl.leerlog.tool.learninglog.internal;

import java.util.Locale;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Turns what a student wrote in Markdown into HTML that is safe to show and plain text to search. Markdown lets
 * a student write raw HTML, so the rendered HTML always passes an allow-list policy: no scripts, no event
 * handlers, no {@code javascript:} links, no styles (the page's CSP would refuse them anyway).
 */
@Component
public class MarkdownText {

    /** The Markdown source as written, its sanitised HTML and its lower-cased plain text. */
    public record Rendered(String source, String html, String plainText) {}

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br")
                    .toFactory());

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder().sanitizeUrls(true).build();
    private final TextContentRenderer text = TextContentRenderer.builder().build();

    public Rendered render(String markdown) {
        String source = markdown == null ? "" : markdown.replace("\r\n", "\n");
        org.commonmark.node.Node document = parser.parse(source);
        String safeHtml = POLICY.sanitize(html.render(document));
        return new Rendered(source, safeHtml, text.render(document).toLowerCase(Locale.ROOT));
    }
}
