package nl.leerlog.tool.replyhelp.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.tool.replyhelp.Placeholders;
import nl.leerlog.tool.replyhelp.ReplyHelp;
import nl.leerlog.tool.replyhelp.SpeechAct;
import nl.leerlog.tool.replyhelp.SpeechActs;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

@Service
record ReplyHelpService(ReplyTemplates templates, MessageSource messages) implements ReplyHelp {

    /** The most templates a list shows: a page and a picker that stay short in a course with many teachers. */
    static final int LISTED = 200;

    @Override
    public List<Template> templatesFor(long courseId, long teacherId, String language) {
        List<Template> all = new ArrayList<>(templates.usableBy(courseId, teacherId, LISTED));
        BuiltInTemplates.in(language).forEach(b -> all.add(builtIn(b)));
        return all;
    }

    @Override
    public Optional<Template> template(long courseId, long teacherId, String ref) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        Optional<BuiltInTemplates.BuiltIn> builtIn = BuiltInTemplates.byRef(ref);
        if (builtIn.isPresent()) {
            return builtIn.map(ReplyHelpService::builtIn);
        }
        Long id = idOf(ref);
        return id == null ? Optional.empty() : templates.usable(courseId, teacherId, id);
    }

    @Override
    public String fill(Template template, ThreadValues values) {
        Locale locale = Locale.forLanguageTag(template.language());
        String nextMeeting = values.nextMeeting() == null
                ? messages.getMessage("replyhelp.next-meeting.none", null, locale)
                : messages.getMessage(
                        "replyhelp.next-meeting",
                        new Object[] {
                            DateTimeFormatter.ofPattern("EEEE d MMMM HH:mm", locale)
                                    .format(values.nextMeeting())
                        },
                        locale);
        return Placeholders.fill(
                template.body(),
                new Placeholders.Values(
                        Placeholders.firstNameOf(values.studentName()),
                        values.teacherName(),
                        values.questionTitle(),
                        nextMeeting));
    }

    @Override
    public void recordUse(long courseId, long teacherId, String ref, Instant at) {
        Long id = idOf(ref);
        if (id != null) {
            templates.recordUse(courseId, teacherId, id, at);
        }
    }

    @Override
    public List<ReadSentence> reading(long questionId, long messageId, String message) {
        List<SpeechActs.Suggestion> suggestions = SpeechActs.suggest(message);
        Map<Integer, SpeechAct> marks = suggestions.isEmpty() ? Map.of() : templates.marks(questionId, messageId);
        List<ReadSentence> sentences = new ArrayList<>();
        for (int i = 0; i < suggestions.size(); i++) {
            SpeechActs.Suggestion s = suggestions.get(i);
            sentences.add(new ReadSentence(i, s.sentence(), marks.getOrDefault(i, s.act()), s.act(), s.because()));
        }
        return sentences;
    }

    @Override
    public boolean mark(
            long questionId, long messageId, String message, int index, SpeechAct act, long teacherId, Instant at) {
        List<SpeechActs.Suggestion> suggestions = SpeechActs.suggest(message);
        if (act == null || index < 0 || index >= suggestions.size()) {
            return false;
        }
        SpeechAct suggested = suggestions.get(index).act();
        templates.mark(questionId, messageId, index, act == suggested ? null : act, teacherId, at);
        return true;
    }

    static Template builtIn(BuiltInTemplates.BuiltIn b) {
        return new Template(b.ref(), b.title(), b.body(), b.language(), false, false, null, true, 0);
    }

    private static Long idOf(String ref) {
        if (ref == null || !ref.matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(ref);
    }
}
