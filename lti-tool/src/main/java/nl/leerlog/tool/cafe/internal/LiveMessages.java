package nl.leerlog.tool.cafe.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.leerlog.tool.cafe.internal.CafeChannels.Channel;
import nl.leerlog.tool.cafe.internal.CafeMessages.Message;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Changed messages as a channel's open pages show them, rendered once per kind of reader (their language, whether
 * they coach the group, whether they wrote one of the messages) rather than once per reader. The stream carries
 * this rendering, so a reader needs no request of their own for each new message.
 */
@Component
class LiveMessages {

    /** The variable that holds the application's context path, for the messages' links outside a request. */
    static final String CONTEXT_PATH = "contextPath";

    /** Who reads a stream, as far as the rendering of a message differs between readers. */
    record Viewer(long userId, boolean teacher, Locale locale, String contextPath) {}

    private final SpringTemplateEngine engine;
    private final CafePeople people;
    private final Clock clock;

    LiveMessages(MessageSource texts, CafePeople people, Clock clock) {
        this.people = people;
        this.clock = clock;
        this.engine = new SpringTemplateEngine();
        engine.setTemplateEngineMessageSource(texts);
        engine.setLinkBuilder(new ContextPathLinks());
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** One rendering of {@code changed} for every distinct kind among {@code viewers}. */
    Map<Viewer, String> render(
            Channel channel, Long coachId, List<Long> formerMembers, List<Message> changed, Set<Viewer> viewers) {
        Set<Long> authors = new HashSet<>();
        changed.forEach(m -> {
            if (m.authorId() != null) {
                authors.add(m.authorId());
            }
        });
        Map<Locale, Map<Long, String>> names = new HashMap<>();
        Map<Kind, String> html = new HashMap<>();
        Map<Viewer, String> byViewer = new HashMap<>();
        for (Viewer viewer : viewers) {
            boolean coach = CafeChannels.coaches(viewer.teacher(), viewer.userId(), coachId);
            Kind kind = new Kind(
                    viewer.locale(),
                    coach,
                    authors.contains(viewer.userId()) ? viewer.userId() : 0L,
                    viewer.contextPath());
            byViewer.put(viewer, html.computeIfAbsent(kind, k -> {
                Context context = new Context(k.locale());
                context.setVariable("messages", changed);
                context.setVariable("channel", channel);
                context.setVariable("coach", k.coach());
                context.setVariable("me", k.author());
                context.setVariable("now", clock.instant());
                context.setVariable(
                        "names",
                        names.computeIfAbsent(
                                k.locale(), l -> people.names(channel.group().courseId(), l)));
                context.setVariable("formerMembers", formerMembers);
                context.setVariable(CONTEXT_PATH, k.contextPath());
                return oneLine(engine.process("cafe/channel", Set.of("messages"), context)
                        .strip());
            }));
        }
        return byViewer;
    }

    private record Kind(Locale locale, boolean coach, long author, String contextPath) {}

    /**
     * An event's data is one line. Line breaks in HTML are whitespace between elements, and within text, attribute
     * values and a textarea a character reference stands for them exactly.
     */
    static String oneLine(String html) {
        return html.replace("\r", "&#13;").replace("\n", "&#10;");
    }

    /** Links start with the application's context path, which a request would give, taken from the variable. */
    private static final class ContextPathLinks extends StandardLinkBuilder {
        @Override
        protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
            Object path = context.getVariable(CONTEXT_PATH);
            return path == null ? "" : path.toString();
        }
    }
}
