package nl.leerlog.tool.guidance.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.InternshipTeachers.Intern;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Linking students to their internship teacher (handbook 001, "Begeleiding"): every teacher of a course may
 * coordinate, and links several students at once to one teacher of the course, or unlinks them. A teacher sees
 * only what their own linked students share with them, so this page decides who may read what later.
 */
@Controller
@RequestMapping("/teacher/students/teachers")
@Section("students")
record InternshipTeacherController(InternshipTeachers links, Clock clock) {

    private static final String PAGE = "/teacher/students/teachers";

    @GetMapping
    String page(
            CurrentUser user,
            @RequestParam(defaultValue = "false") boolean unlinkedOnly,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) Integer count,
            Model page,
            HttpServletResponse response) {
        if (done != null) {
            FormAnswers.showAddress(response, unlinkedOnly ? PAGE + "?unlinkedOnly=true" : PAGE);
            page.addAttribute("notice", notice(done, count));
        }
        return show(user, unlinkedOnly, Set.of(), FieldErrors.none(), page);
    }

    @PostMapping
    String change(
            CurrentUser user,
            @RequestParam(required = false) List<Long> studentIds,
            @RequestParam(required = false) Long teacherId,
            @RequestParam(defaultValue = "link") String action,
            @RequestParam(defaultValue = "false") boolean unlinkedOnly,
            Model page,
            HttpServletResponse response) {
        Set<Long> chosen = studentIds == null ? Set.of() : Set.copyOf(studentIds);
        boolean unlink = "unlink".equals(action);
        FieldErrors.Builder errors = new FieldErrors.Builder();
        if (chosen.isEmpty()) {
            errors.reject("studentIds", "links.error.no-students");
        }
        if (!unlink && teacherId == null) {
            errors.reject("teacherId", "links.error.no-teacher");
        }
        if (errors.build().any()) {
            return FormAnswers.rejected(response, show(user, unlinkedOnly, chosen, errors.build(), page));
        }
        String back = PAGE + "?unlinkedOnly=" + unlinkedOnly + "&count=" + chosen.size();
        if (unlink) {
            links.unlink(user.courseId(), chosen);
            return FormAnswers.redirect(back + "&done=unlinked");
        }
        try {
            links.link(user.courseId(), chosen, teacherId, clock.instant());
        } catch (InternshipTeachers.NotInCourse e) {
            // Ids from another course, or of someone no longer in this one: as if they were not there.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return FormAnswers.redirect(back + "&done=linked");
    }

    private String show(CurrentUser user, boolean unlinkedOnly, Set<Long> chosen, FieldErrors errors, Model page) {
        List<Intern> interns = links.interns(user.courseId());
        long unlinked =
                interns.stream().filter(intern -> intern.teacher().isEmpty()).count();
        page.addAttribute(
                "interns",
                unlinkedOnly
                        ? interns.stream().filter(i -> i.teacher().isEmpty()).toList()
                        : interns);
        page.addAttribute("allCount", interns.size());
        page.addAttribute("unlinkedCount", unlinked);
        page.addAttribute("unlinkedOnly", unlinkedOnly);
        page.addAttribute("teachers", links.teachers(user.courseId()));
        page.addAttribute("chosen", chosen);
        page.addAttribute("errors", errors);
        return "guidance/teachers";
    }

    private static Notice notice(String done, Integer count) {
        String key =
                Map.of("linked", "links.linked", "unlinked", "links.unlinked").get(done);
        return key == null ? null : Notice.of(key, String.valueOf(count == null ? 0 : count));
    }
}
