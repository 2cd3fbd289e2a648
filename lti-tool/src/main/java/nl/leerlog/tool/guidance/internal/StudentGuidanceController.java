package nl.leerlog.tool.guidance.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.leerlog.tool.guidance.ShareableItem;
import nl.leerlog.tool.guidance.ShareableRecords;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import nl.leerlog.tool.web.TypeableTextRule;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The student's guidance: their internship teacher, their questions, asking with at most three items, a thread. */
@Controller
@Section("guidance")
class StudentGuidanceController {

    /** Which other moment suits the student: required, so that the teacher can propose one that fits. */
    private static final TypeableTextRule NOTE = new TypeableTextRule(1000, true);

    /** The changes a thread page can tell of on top (its {@code done} parameter). */
    private static final Set<String> DONE = Set.of(
            "sent",
            "replied",
            "closed",
            "answered",
            "withdrawn",
            "question-withdrawn",
            "accepted",
            "declined",
            "cancelled",
            "renewed",
            "reported");

    /** What the student writes, the message when it crossed another change, and in which states that can be. */
    private record Writing(String field, String conflict, String done, Predicate<QuestionState> crossedWhen) {}

    /** A reply crosses a thread closed or withdrawn meanwhile. */
    private static final Writing REPLY =
            new Writing("body", "guidance.conflict.own", "replied", state -> !state.open());

    /** A report crosses a conversation cancelled or a question withdrawn meanwhile, whatever the state. */
    private static final Writing REPORT = new Writing("report", "conversation.report.none", "reported", state -> true);

    private final InternshipTeachers links;
    private final GuidanceQuestions questions;
    private final GuidanceConversations conversations;
    private final MessageSource messages;
    private final TeacherAvailabilities availabilities;
    private final Map<String, ShareableRecords> shareable;
    private final Clock clock;

    StudentGuidanceController(
            InternshipTeachers links,
            GuidanceQuestions questions,
            GuidanceConversations conversations,
            MessageSource messages,
            TeacherAvailabilities availabilities,
            List<ShareableRecords> shareable,
            Clock clock) {
        this.links = links;
        this.questions = questions;
        this.conversations = conversations;
        this.messages = messages;
        this.availabilities = availabilities;
        this.shareable = shareable.stream().collect(Collectors.toMap(ShareableRecords::kind, Function.identity()));
        this.clock = clock;
    }

    @GetMapping("/student/guidance")
    String guidance(Owner owner, CurrentUser user, @RequestParam(required = false) String done, Model page) {
        addTeacher(owner, page);
        page.addAttribute("threads", questions.mine(owner));
        page.addAttribute("notice", "sent".equals(done) ? Notice.of("guidance.sent", null) : null);
        return "guidance/student";
    }

    @GetMapping("/student/guidance/new")
    String ask(Owner owner, Model page) {
        return askPage(owner, AskForm.empty(), FieldErrors.none(), page);
    }

    @PostMapping("/student/guidance/new")
    String send(
            Owner owner,
            CurrentUser user,
            @Valid AskForm form,
            BindingResult binding,
            @RequestParam(required = false) String intent,
            Model page,
            HttpServletResponse response) {
        if ("supervisor".equals(intent)) {
            return forSupervisor(owner, user, form, binding, page, response);
        }
        Optional<InternshipTeachers.Person> teacher = links.teacherOf(owner.courseId(), owner.userId());
        FieldErrors errors = FieldErrors.of(binding);
        List<GuidanceQuestions.NewItem> items = new ArrayList<>();
        if (!errors.has("items")) {
            // Each item must be the student's own, still there and final: anything else is refused, nothing is sent.
            for (String key : new LinkedHashSet<>(form.items())) {
                Optional<GuidanceQuestions.NewItem> item = item(owner, user, key);
                if (item.isEmpty()) {
                    errors = errors.with("items", "guidance.error.item");
                    break;
                }
                items.add(item.get());
            }
        }
        if (teacher.isEmpty() || errors.any()) {
            return FormAnswers.rejected(response, askPage(owner, form, errors, page));
        }
        long id = questions.ask(owner, teacher.get().id(), form.toQuestion(), items, clock.instant());
        return FormAnswers.redirect("/student/guidance/" + id + "?done=sent");
    }

    /**
     * The think-first step found that the workplace supervisor answers it best: a text to copy to them, made from the
     * title and the question. Nothing is stored or sent, and the form stays filled in.
     */
    private String forSupervisor(
            Owner owner,
            CurrentUser user,
            AskForm form,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        FieldErrors errors = FieldErrors.of(binding).only("title", "question");
        if (errors.any()) {
            return FormAnswers.rejected(response, askPage(owner, form, errors, page));
        }
        String text = messages.getMessage(
                "guidance.supervisor.text",
                new Object[] {form.title().strip(), form.question().strip()},
                user.locale());
        page.addAttribute("supervisorText", text);
        return askPage(owner, form, FieldErrors.none(), page);
    }

    @GetMapping("/student/guidance/{id}")
    String thread(Owner owner, @PathVariable long id, @RequestParam(required = false) String done, Model page) {
        Thread thread = questions.mine(owner, id).orElseThrow(Owner::notFound);
        page.addAttribute("thread", thread);
        addTeacher(owner, page);
        page.addAttribute("byStudent", true);
        page.addAttribute("action", "/student/guidance/" + id);
        page.addAttribute(
                "notice", done != null && DONE.contains(done) ? Notice.of("guidance.done." + done, null) : null);
        page.addAttribute("errors", FieldErrors.none());
        page.addAttribute(
                "reportable",
                thread.heldConversation(clock.instant()) != null
                        && thread.summary().state() != QuestionState.WITHDRAWN);
        return "guidance/thread";
    }

    /** The open thread asks every few seconds: nothing (204) until the question changed, then its messages. */
    @GetMapping("/student/guidance/{id}/messages")
    String messages(
            Owner owner,
            @PathVariable long id,
            @RequestParam(defaultValue = "0") long since,
            Model page,
            HttpServletResponse response) {
        return ThreadPolls.answer(
                questions.changedAt(owner, id),
                since,
                () -> questions.mine(owner, id),
                true,
                "/student/guidance/" + id,
                page,
                response);
    }

    @PostMapping("/student/guidance/{id}/reply")
    String reply(
            Owner owner,
            @PathVariable long id,
            @RequestParam(required = false) String body,
            Model page,
            HttpServletResponse response) {
        return write(owner, id, REPLY, body, text -> questions.reply(owner, id, text, clock.instant()), page, response);
    }

    @PostMapping("/student/guidance/{id}/close")
    String close(Owner owner, @PathVariable long id) {
        return after(questions.close(owner, id, clock.instant()), id, "closed");
    }

    @PostMapping("/student/guidance/{id}/answered")
    String markAnswered(Owner owner, @PathVariable long id) {
        return after(questions.markAnswered(owner, id, clock.instant()), id, "answered");
    }

    @PostMapping("/student/guidance/{id}/withdraw")
    String withdrawQuestion(Owner owner, @PathVariable long id) {
        return after(questions.withdraw(owner, id, clock.instant()), id, "question-withdrawn");
    }

    @PostMapping("/student/guidance/{id}/conversations/{conversationId}/accept")
    String accept(Owner owner, @PathVariable long id, @PathVariable long conversationId) {
        return after(conversations.accept(owner, id, conversationId, clock.instant()), id, "accepted");
    }

    @PostMapping("/student/guidance/{id}/conversations/{conversationId}/decline")
    String decline(
            Owner owner,
            @PathVariable long id,
            @PathVariable long conversationId,
            @RequestParam(required = false) String note,
            Model page,
            HttpServletResponse response) {
        String problem = NOTE.problem(note);
        if (problem != null) {
            return mistake(owner, id, "note", problem, note, page, response);
        }
        return after(conversations.decline(owner, id, conversationId, note.strip(), clock.instant()), id, "declined");
    }

    @PostMapping("/student/guidance/{id}/conversations/{conversationId}/cancel")
    String cancel(Owner owner, @PathVariable long id, @PathVariable long conversationId) {
        return after(conversations.cancel(owner, id, conversationId, clock.instant()), id, "cancelled");
    }

    @GetMapping("/student/guidance/{id}/conversations/{conversationId}/invitation.ics")
    ResponseEntity<String> invitation(
            Owner owner, @PathVariable long id, @PathVariable long conversationId, Locale locale) {
        Conversation conversation = conversations
                .mine(owner, id, conversationId)
                .filter(Conversation::invitation)
                .orElseThrow(Owner::notFound);
        Thread thread = questions.mine(owner, id).orElseThrow(Owner::notFound);
        return GuidanceDownloads.invitation(conversation, thread, messages, locale, clock);
    }

    /** The thread again with the mistake in one field and what was typed there: 422. */
    private String mistake(
            Owner owner, long id, String field, String problem, String text, Model page, HttpServletResponse response) {
        thread(owner, id, null, page);
        page.addAttribute("errors", FieldErrors.of(field, problem));
        page.addAttribute(field, text);
        return FormAnswers.rejected(response, "guidance/thread");
    }

    /** The thread again, saying the change crossed another one, with what was typed in {@code field} kept: 409. */
    private String crossed(
            Owner owner,
            long id,
            String conflict,
            String field,
            String text,
            Model page,
            HttpServletResponse response) {
        thread(owner, id, null, page);
        page.addAttribute("conflict", conflict);
        if (field != null) {
            page.addAttribute(field, text);
        }
        return FormAnswers.refused(response, "guidance/thread");
    }

    /** Back to the thread after a change, or "not found" when it is not theirs or already over. */
    private static String after(boolean changed, long id, String done) {
        if (!changed) {
            throw Owner.notFound();
        }
        return FormAnswers.redirect("/student/guidance/" + id + "?done=" + done);
    }

    @GetMapping("/student/guidance/{id}/items/{itemId}/files/{fileId}")
    ResponseEntity<byte[]> file(
            Owner owner, @PathVariable long id, @PathVariable long itemId, @PathVariable long fileId) {
        return GuidanceDownloads.file(questions.file(owner, id, itemId, fileId).orElseThrow(Owner::notFound));
    }

    /**
     * The student sends the record as it is now in place of the copy in the thread. A record since deleted or made a
     * draft cannot be sent: the page says so and the copy stays as it was.
     */
    @PostMapping("/student/guidance/{id}/items/{itemId}/renew")
    String renew(
            Owner owner,
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long itemId,
            Model page,
            HttpServletResponse response) {
        Thread.Source source = questions.source(owner, id, itemId).orElseThrow(Owner::notFound);
        var snapshot = Optional.ofNullable(shareable.get(source.kind()))
                .flatMap(records -> records.snapshot(owner, source.recordId(), user.locale()));
        if (snapshot.isEmpty()) {
            return crossed(owner, id, "guidance.renew.gone", null, null, page, response);
        }
        if (!questions.renew(owner, id, itemId, snapshot.get(), clock.instant())) {
            // Closed or withdrawn meanwhile: the copy stays as it was.
            return crossed(owner, id, "guidance.conflict.own", null, null, page, response);
        }
        return FormAnswers.redirect("/student/guidance/" + id + "?done=renewed");
    }

    /** After a conversation the student writes down what was agreed, as the handbook advises; the teacher reads it. */
    @PostMapping("/student/guidance/{id}/report")
    String report(
            Owner owner,
            @PathVariable long id,
            @RequestParam(required = false) String report,
            Model page,
            HttpServletResponse response) {
        return write(
                owner, id, REPORT, report, text -> questions.report(owner, id, text, clock.instant()), page, response);
    }

    /**
     * A text the student writes into the thread: checked, saved, or shown again with what was typed. When saving
     * finds the thread changed in another tab (closed, withdrawn, the conversation cancelled) the page says so; a
     * thread that is not theirs stays unknown.
     */
    private String write(
            Owner owner,
            long id,
            Writing writing,
            String text,
            Predicate<String> save,
            Model page,
            HttpServletResponse response) {
        String problem = MessageText.problem(text);
        if (problem != null) {
            return mistake(owner, id, writing.field(), problem, text, page, response);
        }
        if (!save.test(text.strip())) {
            questions.state(owner, id).filter(writing.crossedWhen()).orElseThrow(Owner::notFound);
            return crossed(owner, id, writing.conflict(), writing.field(), text, page, response);
        }
        return FormAnswers.redirect("/student/guidance/" + id + "?done=" + writing.done());
    }

    @PostMapping("/student/guidance/{id}/items/{itemId}/withdraw")
    String withdraw(Owner owner, @PathVariable long id, @PathVariable long itemId) {
        return after(questions.withdraw(owner, id, itemId, clock.instant()), id, "withdrawn");
    }

    private Optional<GuidanceQuestions.NewItem> item(Owner owner, CurrentUser user, String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        ShareableRecords records = shareable.get(key.substring(0, colon));
        long recordId;
        try {
            recordId = Long.parseLong(key.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return records == null
                ? Optional.empty()
                : records.snapshot(owner, recordId, user.locale())
                        .map(snapshot -> new GuidanceQuestions.NewItem(records.kind(), recordId, snapshot));
    }

    /** The student's internship teacher and when they answer, or neither without a link. */
    private void addTeacher(Owner owner, Model page) {
        Optional<InternshipTeachers.Person> teacher = links.teacherOf(owner.courseId(), owner.userId());
        page.addAttribute("teacher", teacher.orElse(null));
        page.addAttribute(
                "availability", teacher.map(t -> availabilities.of(t.id())).orElse(null));
    }

    private String askPage(Owner owner, AskForm form, FieldErrors errors, Model page) {
        List<ShareableItem> choices = new ArrayList<>();
        shareable.values().forEach(records -> choices.addAll(records.shareable(owner)));
        choices.sort((a, b) -> b.date().compareTo(a.date()));
        addTeacher(owner, page);
        page.addAttribute("choices", choices);
        page.addAttribute("form", form);
        page.addAttribute("answerForms", AnswerForm.values());
        page.addAttribute("maxItems", AskForm.MAX_ITEMS);
        page.addAttribute("errors", errors);
        return "guidance/ask";
    }
}
