package nl.leerlog.tool.guidance.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
        InternshipTeachers links, GuidanceQuestions questions, TeacherAvailabilities availabilities, Clock clock) {

    @GetMapping("/teacher/guidance")
    String list(CurrentUser user, Model page) {
        TeacherView teacher = TeacherView.of(user);
        page.addAttribute("threads", questions.sentTo(teacher));
        page.addAttribute("names", names(teacher));
        return "guidance/teacher";
    }

    @GetMapping("/teacher/guidance/{id}")
    String thread(CurrentUser user, @PathVariable long id, @RequestParam(required = false) String done, Model page) {
        TeacherView teacher = TeacherView.of(user);
        Thread thread = questions.sentTo(teacher, id).orElseThrow(Owner::notFound);
        page.addAttribute("thread", thread);
        page.addAttribute("studentName", names(teacher).get(thread.summary().studentId()));
        page.addAttribute("byStudent", false);
        page.addAttribute("availability", availabilities.of(teacher.teacherId()));
        page.addAttribute("action", "/teacher/guidance/" + id);
        page.addAttribute("notice", "replied".equals(done) ? Notice.of("guidance.done.replied", null) : null);
        page.addAttribute("errors", FieldErrors.none());
        return "guidance/thread";
    }

    @PostMapping("/teacher/guidance/{id}/reply")
    String reply(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) String body,
            Model page,
            HttpServletResponse response) {
        String problem = MessageText.problem(body);
        if (problem != null) {
            thread(user, id, null, page);
            page.addAttribute("errors", MessageText.error(problem));
            page.addAttribute("body", body);
            return FormAnswers.rejected(response, "guidance/thread");
        }
        TeacherView teacher = TeacherView.of(user);
        if (!questions.reply(teacher, id, body.strip(), clock.instant())) {
            // The student closed or withdrew the question meanwhile: say so and keep the text. Unlinked: not found.
            QuestionState state =
                    questions.state(teacher, id).filter(s -> !s.open()).orElseThrow(Owner::notFound);
            thread(user, id, null, page);
            page.addAttribute("conflict", "guidance.conflict." + state.name().toLowerCase(Locale.ROOT));
            page.addAttribute("body", body);
            response.setStatus(HttpStatus.CONFLICT.value());
            return "guidance/thread";
        }
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
        var changedAt = questions.changedAt(teacher, id);
        if (changedAt.isPresent() && Thread.Summary.version(changedAt.get()) == since) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        // Unlinked meanwhile: the messages leave the page at the next poll, not only at the next page load.
        return questions
                .sentTo(teacher, id)
                .map(thread -> {
                    page.addAttribute("thread", thread);
                    page.addAttribute("byStudent", false);
                    page.addAttribute("action", "/teacher/guidance/" + id);
                    return "guidance/thread :: messages";
                })
                .orElse("guidance/fragments :: gone");
    }

    /** The names of this teacher's own interns, by id. */
    private Map<Long, String> names(TeacherView teacher) {
        return links.interns(teacher.courseId()).stream()
                .filter(intern ->
                        intern.teacher().map(t -> t.id() == teacher.teacherId()).orElse(false))
                .filter(intern -> intern.student().name() != null)
                .collect(Collectors.toMap(
                        intern -> intern.student().id(),
                        intern -> intern.student().name()));
    }
}
