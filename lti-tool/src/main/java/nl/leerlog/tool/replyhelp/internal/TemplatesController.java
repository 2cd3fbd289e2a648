package nl.leerlog.tool.replyhelp.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import nl.leerlog.tool.replyhelp.ReplyHelp;
import nl.leerlog.tool.replyhelp.ReplyHelp.Template;
import nl.leerlog.tool.system.SupportedLocales;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The teacher's reply templates: their own to write, change, share with the course or delete; colleagues'
 * course-wide ones with who wrote them and how often colleagues used them, to copy into their own; and the ones
 * that ship with Leerlog. Another course's template, or a colleague's private one, is not found.
 */
@Controller
@Section("dashboard")
record TemplatesController(ReplyHelp help, ReplyTemplates templates, InternshipTeachers links, Clock clock) {

    /** The most templates a teacher keeps in a course. */
    static final int MAX_OWN = 100;

    private static final Set<String> DONE = Set.of("created", "saved", "deleted", "copied");

    @GetMapping("/teacher/templates")
    String list(CurrentUser user, @RequestParam(required = false) String done, Model page) {
        page.addAttribute(
                "notice", done != null && DONE.contains(done) ? Notice.of("replyhelp.done." + done, null) : null);
        return page(user, TemplateForm.empty(language(user)), null, FieldErrors.none(), page);
    }

    @PostMapping("/teacher/templates")
    String create(
            CurrentUser user,
            @Valid @ModelAttribute("form") TemplateForm form,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        TeacherView teacher = TeacherView.of(user);
        FieldErrors errors = FieldErrors.of(binding);
        if (!errors.any() && templates.ownedCount(teacher.courseId(), teacher.teacherId()) >= MAX_OWN) {
            errors = FieldErrors.of("title", "replyhelp.error.too-many");
        }
        if (errors.any()) {
            return FormAnswers.rejected(response, page(user, form, "new", errors, page));
        }
        templates.create(teacher.courseId(), teacher.teacherId(), form.content(), clock.instant());
        return FormAnswers.redirect("/teacher/templates?done=created");
    }

    @PostMapping("/teacher/templates/{id}")
    String update(
            CurrentUser user,
            @PathVariable long id,
            @Valid @ModelAttribute("form") TemplateForm form,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        TeacherView teacher = TeacherView.of(user);
        own(teacher, id);
        FieldErrors errors = FieldErrors.of(binding);
        if (errors.any()) {
            return FormAnswers.rejected(
                    response, page(user, TemplateForm.empty(language(user)), Long.toString(id), errors, page, form));
        }
        if (!templates.update(teacher.courseId(), teacher.teacherId(), id, form.content(), clock.instant())) {
            throw Owner.notFound();
        }
        return FormAnswers.redirect("/teacher/templates?done=saved");
    }

    @PostMapping("/teacher/templates/{id}/delete")
    String delete(CurrentUser user, @PathVariable long id) {
        TeacherView teacher = TeacherView.of(user);
        if (!templates.delete(teacher.courseId(), teacher.teacherId(), id)) {
            throw Owner.notFound();
        }
        return FormAnswers.redirect("/teacher/templates?done=deleted");
    }

    /** A colleague's course-wide template or a built-in one becomes the teacher's own, private until they share it. */
    @PostMapping("/teacher/templates/{ref}/copy")
    String copy(CurrentUser user, @PathVariable String ref, Model page, HttpServletResponse response) {
        TeacherView teacher = TeacherView.of(user);
        Template source = help.template(teacher.courseId(), teacher.teacherId(), ref)
                .filter(t -> !t.own())
                .orElseThrow(Owner::notFound);
        if (templates.ownedCount(teacher.courseId(), teacher.teacherId()) >= MAX_OWN) {
            return FormAnswers.rejected(
                    response,
                    page(
                            user,
                            TemplateForm.empty(language(user)),
                            "new",
                            FieldErrors.of("title", "replyhelp.error.too-many"),
                            page));
        }
        templates.create(
                teacher.courseId(),
                teacher.teacherId(),
                new ReplyTemplates.Content(source.title(), source.body(), source.language(), false),
                clock.instant());
        return FormAnswers.redirect("/teacher/templates?done=copied");
    }

    private void own(TeacherView teacher, long id) {
        templates
                .usable(teacher.courseId(), teacher.teacherId(), id)
                .filter(Template::own)
                .orElseThrow(Owner::notFound);
    }

    private String page(CurrentUser user, TemplateForm form, String failed, FieldErrors errors, Model page) {
        return page(user, form, failed, errors, page, null);
    }

    /**
     * The page: {@code failed} names the form that was refused ("new" or a template's id), {@code edited} is what
     * was typed into a refused edit.
     */
    private String page(
            CurrentUser user, TemplateForm form, String failed, FieldErrors errors, Model page, TemplateForm edited) {
        TeacherView teacher = TeacherView.of(user);
        List<Template> all = help.templatesFor(teacher.courseId(), teacher.teacherId(), language(user));
        Map<Long, String> names = links.teachers(teacher.courseId()).stream()
                .filter(person -> person.name() != null)
                .collect(Collectors.toMap(InternshipTeachers.Person::id, InternshipTeachers.Person::name));
        page.addAttribute("own", all.stream().filter(Template::own).toList());
        page.addAttribute(
                "colleagues", all.stream().filter(t -> !t.own() && !t.builtIn()).toList());
        page.addAttribute("builtIns", all.stream().filter(Template::builtIn).toList());
        page.addAttribute("names", names);
        page.addAttribute("form", form);
        Map<String, TemplateForm> editForms = new java.util.HashMap<>();
        all.stream().filter(Template::own).forEach(t -> editForms.put(t.ref(), TemplateForm.of(t)));
        if (edited != null && failed != null) {
            editForms.put(failed, edited);
        }
        page.addAttribute("editForms", editForms);
        page.addAttribute("noErrors", FieldErrors.none());
        page.addAttribute("failed", failed);
        page.addAttribute("errors", errors);
        return "replyhelp/templates";
    }

    private static String language(CurrentUser user) {
        return SupportedLocales.closest(user.locale()).getLanguage();
    }
}
