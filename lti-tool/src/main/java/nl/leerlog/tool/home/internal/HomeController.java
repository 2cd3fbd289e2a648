package nl.leerlog.tool.home.internal;

import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.web.Navigation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where a launch lands: the student's learning log or the teacher's dashboard. Sections that no feature has
 * taken yet show their empty state here; a feature's own controller maps its section's exact path.
 */
@Controller
class HomeController {

    /**
     * The launch forwards here, and this forwards on to the user's first section: a redirect would lose the
     * page-bound session token when the frame keeps no cookies.
     */
    @GetMapping("/home")
    String home(CurrentUser user) {
        return "forward:" + user.role().homePage();
    }

    @GetMapping("/student/{section}")
    String student(@PathVariable String section, CurrentUser user, Model model) {
        return section(model, user, section);
    }

    @GetMapping("/teacher/{section}")
    String teacher(@PathVariable String section, CurrentUser user, Model model) {
        return section(model, user, section);
    }

    private static String section(Model model, CurrentUser user, String section) {
        Navigation.addTo(model, user, section);
        return user.isTeacher() ? "home/teacher" : "home/student";
    }
}
