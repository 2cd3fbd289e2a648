package nl.leerlog.tool.analytics.internal;

import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.TeacherView;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The insights section of a course's teachers; its first page is the tip editor. */
@Controller
@Section("insights")
class TeacherInsightsController {

    @GetMapping("/teacher/insights")
    String page(CurrentUser user) {
        TeacherView.of(user);
        return FormAnswers.redirect("/teacher/insights/tips");
    }
}
