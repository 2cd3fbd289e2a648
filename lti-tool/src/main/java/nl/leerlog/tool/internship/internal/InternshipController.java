package nl.leerlog.tool.internship.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.internship.Internships;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.FormState;
import nl.leerlog.tool.web.Navigation;
import nl.leerlog.tool.web.Notice;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The internship data: the student enters their own at {@code /student/internship}; a teacher of the course
 * corrects it at {@code /teacher/students/{id}/internship}. Anyone else, and any id that is no active student of
 * the teacher's own course, gets "not found".
 */
@Controller
record InternshipController(Internships internships) {

    @GetMapping("/student/internship")
    ModelAndView studentForm(
            Owner owner,
            CurrentUser user,
            @RequestParam(defaultValue = "false") boolean saved,
            HttpServletResponse response) {
        Internship internship =
                internships.find(owner.courseId(), owner.userId()).orElse(Internship.EMPTY);
        ModelAndView page = page(
                user, "log", "/student/internship", null, InternshipForm.of(internship), FormState.NONE, HttpStatus.OK);
        tellSaved(page, saved, response, "/student/internship");
        internships.summary(owner).ifPresent(summary -> page.addObject("summary", summary));
        return page;
    }

    @PostMapping("/student/internship")
    ModelAndView studentSave(Owner owner, CurrentUser user, @Valid InternshipForm form, BindingResult errors) {
        if (errors.hasErrors()) {
            return page(
                    user,
                    "log",
                    "/student/internship",
                    null,
                    form,
                    form.failed(FieldErrors.of(errors)),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        internships.save(owner.courseId(), owner.userId(), form.toInternship(), owner.userId());
        return new ModelAndView(FormAnswers.redirect("/student/internship?saved=true"));
    }

    /** The course's students with their internship data, each a link to correct it. */
    @GetMapping("/teacher/students")
    ModelAndView students(CurrentUser user) {
        ExtendedModelMap model = new ExtendedModelMap();
        Navigation.addTo(model, user, "students");
        model.addAttribute("students", internships.studentsOf(user.courseId()));
        return new ModelAndView("internship/students", model);
    }

    @GetMapping("/teacher/students/{studentId}/internship")
    ModelAndView teacherForm(
            CurrentUser user,
            @PathVariable long studentId,
            @RequestParam(defaultValue = "false") boolean saved,
            HttpServletResponse response) {
        String name = student(user, studentId);
        Internship internship = internships.find(user.courseId(), studentId).orElse(Internship.EMPTY);
        ModelAndView page = page(
                user,
                "students",
                "/teacher/students/" + studentId + "/internship",
                name,
                InternshipForm.of(internship),
                FormState.NONE,
                HttpStatus.OK);
        tellSaved(page, saved, response, "/teacher/students/" + studentId + "/internship");
        return page;
    }

    /** The notice after the redirect of a save, with the page's address shown without it. */
    private static void tellSaved(ModelAndView page, boolean saved, HttpServletResponse response, String address) {
        page.addObject("notice", saved ? Notice.of("internship.saved", null) : null);
        if (saved) {
            FormAnswers.showAddress(response, address);
        }
    }

    @PostMapping("/teacher/students/{studentId}/internship")
    ModelAndView teacherSave(
            CurrentUser user, @PathVariable long studentId, @Valid InternshipForm form, BindingResult errors) {
        String name = student(user, studentId);
        if (errors.hasErrors()) {
            return page(
                    user,
                    "students",
                    "/teacher/students/" + studentId + "/internship",
                    name,
                    form,
                    form.failed(FieldErrors.of(errors)),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        internships.save(user.courseId(), studentId, form.toInternship(), user.userId());
        return new ModelAndView(FormAnswers.redirect("/teacher/students/" + studentId + "/internship?saved=true"));
    }

    /** The student's name, when the id is an active student of the teacher's own course; else "not found". */
    private String student(CurrentUser teacher, long studentId) {
        if (!teacher.isTeacher()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return internships
                .activeStudent(teacher.courseId(), studentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ModelAndView page(
            CurrentUser user,
            String section,
            String action,
            String studentName,
            InternshipForm form,
            FormState failed,
            HttpStatus status) {
        ExtendedModelMap model = new ExtendedModelMap();
        Navigation.addTo(model, user, section);
        model.addAttribute("action", action);
        model.addAttribute("studentName", studentName);
        model.addAttribute("form", form);
        model.addAttribute("failed", failed);
        model.addAttribute("notice", null);
        return new ModelAndView("internship/form", model, status);
    }
}
