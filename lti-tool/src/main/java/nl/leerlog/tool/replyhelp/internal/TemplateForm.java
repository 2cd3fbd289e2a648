package nl.leerlog.tool.replyhelp.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import nl.leerlog.tool.replyhelp.ReplyHelp.Template;
import nl.leerlog.tool.web.TypeableText;

/** A reply template as the teacher writes it: a title, the text with placeholders, its language, course-wide or not. */
record TemplateForm(
        @TypeableText(max = 100, required = true) String title,
        @TypeableText(max = 5000, required = true) String body,

        @NotNull(message = "replyhelp.error.language") @Pattern(regexp = "nl|en", message = "replyhelp.error.language")
        String language,

        Boolean shared) {

    static TemplateForm empty(String language) {
        return new TemplateForm("", "", "en".equals(language) ? "en" : "nl", false);
    }

    static TemplateForm of(Template template) {
        return new TemplateForm(template.title(), template.body(), template.language(), template.shared());
    }

    ReplyTemplates.Content content() {
        return new ReplyTemplates.Content(title.strip(), body.strip(), language, Boolean.TRUE.equals(shared));
    }
}
