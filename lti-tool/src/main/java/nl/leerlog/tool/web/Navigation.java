package nl.leerlog.tool.web;

import java.util.List;
import nl.leerlog.tool.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** The menu of a student's or a teacher's pages, and what every page needs to show it. */
public final class Navigation {

    /** The student's sections, in menu order (handbook 001: log, reflect, insights, saved, guidance; seed 002: the
     * café; then their privacy). */
    public static final List<String> STUDENT_SECTIONS =
            List.of("log", "reflections", "insights", "saved", "guidance", "cafe", "privacy");

    public static final List<String> TEACHER_SECTIONS =
            List.of("dashboard", "students", "programme", "insights", "cafe");

    private Navigation() {}

    /**
     * Adds the user, the menu and the current section to the model of a page that uses the layout's header and
     * nav fragments. A section that is not in the user's menu is not found.
     */
    public static void addTo(Model model, CurrentUser user, String section) {
        List<String> sections = check(user, section);
        model.addAttribute("user", user);
        model.addAttribute("sections", sections);
        model.addAttribute("section", section);
        model.addAttribute("area", user.isTeacher() ? "teacher" : "student");
    }

    /** The user's menu, if it has the section; a section that is not in it is not found. */
    public static List<String> check(CurrentUser user, String section) {
        List<String> sections = user.isTeacher() ? TEACHER_SECTIONS : STUDENT_SECTIONS;
        if (!sections.contains(section)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return sections;
    }
}
