package nl.leerlog.tool.guidance.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.leerlog.tool.guidance.ItemSnapshot;
import nl.leerlog.tool.identity.CourseStudents;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import nl.leerlog.tool.privacy.ReadAudit;
import nl.leerlog.tool.replyhelp.ReplyHelp;
import nl.leerlog.tool.replyhelp.SpeechAct;
import nl.leerlog.tool.system.SupportedLocales;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The internship teacher's guidance: the questions their own students sent them, a thread with its shared items as
 * sent, and the reply. Everything goes through {@link TeacherView}: other teachers and unlinked ones get "not found".
 */
@Controller
@Section("dashboard")
record TeacherGuidanceController(
        MessageSource messages,
        InternshipTeachers links,
        CourseStudents students,
        GuidanceQuestions questions,
        GuidanceConversations conversations,
        TeacherAvailabilities availabilities,
        ReplyHelp help,
        ReadAudit audit,
        Clock clock) {

    /** How the read audit names a shared item and a file of one. */
    static final String READ_ITEM = "guidance-item";

    static final String READ_FILE = "guidance-file";

    /** The changes a thread page can tell of on top (its {@code done} parameter). */
    private static final Set<String> DONE = Set.of("replied", "proposed", "cancelled", "moved");

    /** Questions per page of the list: a teacher with hundreds of interns gets a page that still loads at once. */
    static final int PAGE_SIZE = 50;

    @GetMapping("/teacher/guidance")
    String list(CurrentUser user, @RequestParam(defaultValue = "1") int page, Model model) {
        TeacherView teacher = TeacherView.of(user);
        int shown = Math.max(1, page);
        List<Thread.Summary> threads = questions.sentTo(teacher, shown, PAGE_SIZE);
        boolean more = threads.size() > PAGE_SIZE;
        model.addAttribute("threads", more ? threads.subList(0, PAGE_SIZE) : threads);
        model.addAttribute("names", names(teacher));
        model.addAttribute("newerUrl", shown > 1 ? "/teacher/guidance?page=" + (shown - 1) : null);
        model.addAttribute("olderUrl", more ? "/teacher/guidance?page=" + (shown + 1) : null);
        return "guidance/teacher";
    }

    @GetMapping("/teacher/guidance/{id}")
    String thread(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) String template,
            Model page) {
        thread(user, id, done, page);
        withTemplate(user, template, page);
        return "guidance/thread";
    }

    /**
     * The reply box alone, with the picked template filled in: htmx swaps it in place. Without JavaScript the picker
     * reloads the whole thread page with {@code ?template=} instead.
     */
    @GetMapping("/teacher/guidance/{id}/reply-box")
    String replyBox(
            CurrentUser user, @PathVariable long id, @RequestParam(required = false) String template, Model page) {
        thread(user, id, null, page);
        withTemplate(user, template, page);
        return "guidance/thread :: reply-box";
    }

    /** The teacher changes the act of one sentence of the student's message: their mark replaces the suggestion. */
    @PostMapping("/teacher/guidance/{id}/reading")
    String reading(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "-1") long messageId,
            @RequestParam(defaultValue = "-1") int index,
            @RequestParam(required = false) String act) {
        TeacherView teacher = TeacherView.of(user);
        Thread thread = questions.sentTo(teacher, id).orElseThrow(Owner::notFound);
        StudentText read = StudentText.of(thread);
        SpeechAct chosen = SpeechAct.parse(act);
        if (read.messageId() != messageId
                || chosen == null
                || !help.mark(id, messageId, read.text(), index, chosen, teacher.teacherId(), clock.instant())) {
            // A sentence of an older message, one that is not there, or an act that is none: a bad request.
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        return FormAnswers.redirect("/teacher/guidance/" + id + "#reading");
    }

    /** Fills the reply box with the template the teacher picked, if they may use it. */
    private void withTemplate(CurrentUser user, String template, Model page) {
        if (template == null || template.isBlank()) {
            return;
        }
        TeacherView teacher = TeacherView.of(user);
        Thread thread = (Thread) page.getAttribute("thread");
        help.template(teacher.courseId(), teacher.teacherId(), template).ifPresent(t -> {
            Conversation active = thread.activeConversation();
            page.addAttribute(
                    "body",
                    help.fill(
                            t,
                            new ReplyHelp.ThreadValues(
                                    (String) page.getAttribute("studentName"),
                                    user.name(),
                                    thread.summary().title(),
                                    active != null && active.agreed()
                                            ? active.startsAt().withZoneSameInstant(Conversation.ZONE)
                                            : null)));
            page.addAttribute("templateRef", t.ref());
        });
    }

    /** The thread page's model, with the reply help beside the reply box. */
    private void thread(CurrentUser user, long id, String done, Model page) {
        TeacherView teacher = TeacherView.of(user);
        Thread thread = questions.sentTo(teacher, id).orElseThrow(Owner::notFound);
        // Who looked: the items this page shows the teacher, in one insert whatever their number.
        audit.record(
                teacher.courseId(),
                thread.summary().studentId(),
                reader(user),
                thread.items().stream()
                        .filter(item -> !item.withdrawn())
                        .map(item -> new ReadAudit.ReadItem(READ_ITEM, id + "-" + item.id(), item.title()))
                        .toList(),
                clock.instant());
        page.addAttribute("thread", thread);
        page.addAttribute(
                "studentName",
                students.activeStudentName(teacher.courseId(), thread.summary().studentId())
                        .orElse(null));
        page.addAttribute("byStudent", false);
        page.addAttribute("availability", availabilities.of(teacher.teacherId()));
        page.addAttribute("action", "/teacher/guidance/" + id);
        page.addAttribute(
                "notice", done != null && DONE.contains(done) ? Notice.of("guidance.done." + done, null) : null);
        page.addAttribute("errors", FieldErrors.none());
        page.addAttribute("proposal", ProposalForm.suggested(thread.answerForm()));
        page.addAttribute("conversationErrors", FieldErrors.none());
        Conversation active = thread.activeConversation();
        page.addAttribute("move", active == null ? null : ProposalForm.of(active));
        page.addAttribute("moveErrors", FieldErrors.none());
        page.addAttribute(
                "conversationForms", List.of(AnswerForm.VIDEO_CALL, AnswerForm.PHONE, AnswerForm.FACE_TO_FACE));
        replyHelp(user, teacher, thread, page);
    }

    /**
     * The templates to start from, the student's latest message read sentence by sentence, and whether it asks
     * something the teacher has not answered since. The message is the one this teacher may read by {@link
     * TeacherView}; the reply help gets it as plain text.
     */
    private void replyHelp(CurrentUser user, TeacherView teacher, Thread thread, Model page) {
        String language = SupportedLocales.closest(user.locale()).getLanguage();
        page.addAttribute("templates", help.templatesFor(teacher.courseId(), teacher.teacherId(), language));
        StudentText read = StudentText.of(thread);
        List<ReplyHelp.ReadSentence> sentences = help.reading(thread.summary().id(), read.messageId(), read.text());
        page.addAttribute("reading", sentences);
        page.addAttribute("readMessageId", read.messageId());
        page.addAttribute("readIsQuestion", read.messageId() == 0);
        page.addAttribute(
                "openRequest", !read.answered() && sentences.stream().anyMatch(s -> s.act() == SpeechAct.DIRECTIVE));
        page.addAttribute("acts", SpeechAct.values());
    }

    @PostMapping("/teacher/guidance/{id}/conversations")
    String propose(
            CurrentUser user,
            @PathVariable long id,
            @Valid @ModelAttribute("proposal") ProposalForm proposal,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        FieldErrors errors = check(proposal, binding);
        if (errors.any()) {
            return refusedProposal(user, id, "proposal", "conversationErrors", proposal, errors, page, response);
        }
        TeacherView teacher = TeacherView.of(user);
        if (!conversations.propose(teacher, id, proposal, clock.instant())) {
            // Over, or a conversation was proposed meanwhile (another tab): say so; unlinked: not found.
            questions.state(teacher, id).orElseThrow(Owner::notFound);
            return crossed(user, id, "conversation.conflict", null, page, response);
        }
        return FormAnswers.redirect("/teacher/guidance/" + id + "?done=proposed");
    }

    /** The thread page again with a refused proposal or move form, its input kept and its errors shown, as 422. */
    private String refusedProposal(
            CurrentUser user,
            long id,
            String form,
            String errorsAttribute,
            ProposalForm proposal,
            FieldErrors errors,
            Model page,
            HttpServletResponse response) {
        thread(user, id, null, page);
        page.addAttribute(form, proposal);
        page.addAttribute(errorsAttribute, errors);
        return FormAnswers.rejected(response, "guidance/thread");
    }

    /**
     * The teacher moves a proposed or agreed conversation to another moment or place: the same calendar event with a
     * higher SEQUENCE, so a calendar that holds it updates it (RFC 5545 §3.8.7.4).
     */
    @PostMapping("/teacher/guidance/{id}/conversations/{conversationId}/move")
    String move(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long conversationId,
            @Valid @ModelAttribute("move") ProposalForm proposal,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        FieldErrors errors = check(proposal, binding);
        if (errors.any()) {
            return refusedProposal(user, id, "move", "moveErrors", proposal, errors, page, response);
        }
        TeacherView teacher = TeacherView.of(user);
        if (!conversations.move(teacher, id, conversationId, proposal, clock.instant())) {
            // Cancelled or the question withdrawn meanwhile: say so; unlinked or unknown: not found.
            conversations.sentTo(teacher, id, conversationId).orElseThrow(Owner::notFound);
            return crossed(user, id, "conversation.conflict.move", null, page, response);
        }
        return FormAnswers.redirect("/teacher/guidance/" + id + "?done=moved");
    }

    @GetMapping("/teacher/guidance/{id}/items/{itemId}/files/{fileId}")
    ResponseEntity<byte[]> file(
            CurrentUser user, @PathVariable long id, @PathVariable long itemId, @PathVariable long fileId) {
        TeacherView teacher = TeacherView.of(user);
        ItemSnapshot.File file = questions.file(teacher, id, itemId, fileId).orElseThrow(Owner::notFound);
        questions
                .studentOf(teacher, id)
                .ifPresent(student -> audit.record(
                        teacher.courseId(),
                        student,
                        reader(user),
                        List.of(new ReadAudit.ReadItem(READ_FILE, id + "-" + itemId + "-" + fileId, file.name())),
                        clock.instant()));
        return GuidanceDownloads.file(file);
    }

    private static ReadAudit.Reader reader(CurrentUser user) {
        return new ReadAudit.Reader(ReadAudit.ReaderKind.TEACHER, user.userId(), user.name());
    }

    @PostMapping("/teacher/guidance/{id}/conversations/{conversationId}/cancel")
    String cancel(CurrentUser user, @PathVariable long id, @PathVariable long conversationId) {
        if (!conversations.cancel(TeacherView.of(user), id, conversationId, clock.instant())) {
            throw Owner.notFound();
        }
        return FormAnswers.redirect("/teacher/guidance/" + id + "?done=cancelled");
    }

    @GetMapping("/teacher/guidance/{id}/conversations/{conversationId}/invitation.ics")
    ResponseEntity<String> invitation(
            CurrentUser user, @PathVariable long id, @PathVariable long conversationId, Locale locale) {
        TeacherView teacher = TeacherView.of(user);
        Conversation conversation = conversations
                .sentTo(teacher, id, conversationId)
                .filter(Conversation::invitation)
                .orElseThrow(Owner::notFound);
        Thread thread = questions.sentTo(teacher, id).orElseThrow(Owner::notFound);
        return GuidanceDownloads.invitation(conversation, thread, messages, locale, clock);
    }

    @PostMapping("/teacher/guidance/{id}/reply")
    String reply(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String template,
            Model page,
            HttpServletResponse response) {
        String problem = MessageText.problem(body);
        if (problem != null) {
            thread(user, id, null, page);
            page.addAttribute("errors", FieldErrors.of("body", problem));
            page.addAttribute("body", body);
            page.addAttribute("templateRef", template);
            return FormAnswers.rejected(response, "guidance/thread");
        }
        TeacherView teacher = TeacherView.of(user);
        if (!questions.reply(teacher, id, body.strip(), clock.instant())) {
            // The student closed or withdrew the question meanwhile: say so and keep the text. Unlinked: not found.
            QuestionState state =
                    questions.state(teacher, id).filter(s -> !s.open()).orElseThrow(Owner::notFound);
            return crossed(
                    user, id, "guidance.conflict." + state.name().toLowerCase(Locale.ROOT), body, page, response);
        }
        help.recordUse(teacher.courseId(), teacher.teacherId(), template, clock.instant());
        return FormAnswers.redirect("/teacher/guidance/" + id + "?done=replied");
    }

    /** The open thread asks every few seconds: nothing (204) until the question changed, then its messages. */
    @GetMapping("/teacher/guidance/{id}/messages")
    String messages(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "0") long since,
            Model page,
            HttpServletResponse response) {
        TeacherView teacher = TeacherView.of(user);
        // Unlinked meanwhile: the messages leave the page at the next poll, not only at the next page load.
        return ThreadPolls.answer(
                questions.changedAt(teacher, id),
                since,
                () -> questions.sentTo(teacher, id),
                false,
                "/teacher/guidance/" + id,
                page,
                response);
    }

    /** The thread again, saying the change crossed another one, with the reply's text kept: 409. */
    private String crossed(
            CurrentUser user, long id, String conflict, String body, Model page, HttpServletResponse response) {
        thread(user, id, null, page);
        page.addAttribute("conflict", conflict);
        page.addAttribute("body", body);
        return FormAnswers.refused(response, "guidance/thread");
    }

    /** The form's own rules, and a moment that has not passed yet. */
    private FieldErrors check(ProposalForm proposal, BindingResult binding) {
        FieldErrors errors = FieldErrors.of(binding);
        if (!errors.has("date")
                && !errors.has("time")
                && proposal.date()
                        .atTime(proposal.time())
                        .atZone(Conversation.ZONE)
                        .toInstant()
                        .isBefore(clock.instant())) {
            return errors.with("date", "conversation.error.past");
        }
        return errors;
    }

    /** The names of this teacher's own interns, by id. */
    private Map<Long, String> names(TeacherView teacher) {
        return links.internsOf(teacher.courseId(), teacher.teacherId()).stream()
                .filter(intern -> intern.name() != null)
                .collect(Collectors.toMap(InternshipTeachers.Person::id, InternshipTeachers.Person::name));
    }
}
