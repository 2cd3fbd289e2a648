package nl.leerlog.tool.guidance.internal;

import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The student's guidance page: who their internship teacher is, or, before a coordinator linked them, whom to
 * ask; their questions join it here.
 */
@Controller
@Section("guidance")
record StudentGuidanceController(InternshipTeachers links) {

    @GetMapping("/student/guidance")
    String guidance(CurrentUser user, Model page) {
        page.addAttribute(
                "teacher", links.teacherOf(user.courseId(), user.userId()).orElse(null));
        return "guidance/student";
    }
}
