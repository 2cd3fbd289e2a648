package nl.leerlog.tool.notifications.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notification mail in the receiver's language: a plain-text part and an HTML part from the templates
 * {@code mail/<template>.txt} and {@code .html}, with the texts of {@code messages-notifications}. No images, no
 * tracking pixels, no remote content: the HTML part is the text part with its links clickable.
 */
@Component
class MailComposer {

    /** A rendered mail: its subject and both parts. */
    record Rendered(String subject, String text, String html) {}

    private final SpringTemplateEngine engine;
    private final MessageSource messages;

    MailComposer(MessageSource messages) {
        this.messages = messages;
        this.engine = new SpringTemplateEngine();
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        return resolver;
    }

    /** One text of the mails in the receiver's language. */
    String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /**
     * The mail of {@code template} for a receiver in {@code locale}; the subject is the message
     * {@code mail.<kind>.subject} with {@code subjectArguments}.
     */
    Rendered render(
            String template, String kind, Locale locale, Map<String, Object> model, Object... subjectArguments) {
        Context context = new Context(locale, model);
        context.setVariable("kind", kind);
        String subject = messages.getMessage("mail." + kind + ".subject", subjectArguments, locale);
        context.setVariable("subject", subject);
        return new Rendered(
                subject, engine.process(template + ".txt", context), engine.process(template + ".html", context));
    }
}
