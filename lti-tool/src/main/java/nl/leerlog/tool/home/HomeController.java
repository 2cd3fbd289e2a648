package nl.leerlog.tool.home;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/**
 * Where a launch lands: the student's learning log home or the teacher's dashboard, each with its
 * navigation. The sections are filled by the learning log, guidance and dashboard features.
 */
@Controller
class HomeController {

    /** The student's sections, in menu order (handbook 001: log, reflect, insights, saved, guidance). */
    static final List<String> STUDENT_SECTIONS = List.of("log", "reflections", "insights", "saved", "guidance");
    static final List<String> TEACHER_SECTIONS = List.of("dashboard", "students", "programme");

    @GetMapping("/home")
    String home(Authentication authentication, Model model) {
        CurrentUser user = current(authentication);
        return user.isTeacher() ? section(model, user, "dashboard") : section(model, user, "log");
    }

    @GetMapping("/student/{section}")
    String student(@PathVariable String section, Authentication authentication, Model model) {
        return section(model, current(authentication), section);
    }

    @GetMapping("/teacher/{section}")
    String teacher(@PathVariable String section, Authentication authentication, Model model) {
        return section(model, current(authentication), section);
    }

    private static String section(Model model, CurrentUser user, String section) {
        List<String> sections = user.isTeacher() ? TEACHER_SECTIONS : STUDENT_SECTIONS;
        if (!sections.contains(section)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("user", user);
        model.addAttribute("sections", sections);
        model.addAttribute("section", section);
        model.addAttribute("area", user.isTeacher() ? "teacher" : "student");
        return user.isTeacher() ? "home/teacher" : "home/student";
    }

    private static CurrentUser current(Authentication authentication) {
        return CurrentUser.from(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }
}
