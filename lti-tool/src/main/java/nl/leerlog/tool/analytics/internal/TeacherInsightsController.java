package nl.leerlog.tool.analytics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.TeacherView;
import nl.leerlog.tool.programme.ProgrammeCatalog;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The course view of the analytics for its teachers: figures over the whole course or over the teacher's own interns,
 * aggregates only and only over groups of at least {@link SmallGroups#MINIMUM} students; a smaller group shows that
 * there are not enough students, and nothing else. Where the course asks consent, only students who opted in to being
 * counted are.
 */
@Controller
@Section("insights")
record TeacherInsightsController(
        FiguresReader figures,
        AnalyticsSettings settings,
        CourseAnalytics course,
        InternshipTeachers internshipTeachers,
        ProgrammeCatalog catalog,
        Clock clock) {

    @GetMapping("/teacher/insights")
    String page(CurrentUser user, @RequestParam(required = false) String group, Model page) {
        TeacherView teacher = TeacherView.of(user);
        long courseId = teacher.courseId();
        boolean mine = "mine".equals(group);
        boolean consentRequired = settings.consentRequired(courseId);
        Map<Long, StudentFigures> students = figures.ofCourse(courseId);
        Set<Long> counted = consentRequired ? course.optedIn(courseId) : students.keySet();
        Set<Long> interns = mine
                ? internshipTeachers.internsOf(courseId, teacher.teacherId()).stream()
                        .map(InternshipTeachers.Person::id)
                        .collect(Collectors.toSet())
                : null;
        List<StudentFigures> members = students.entrySet().stream()
                .filter(student -> counted.contains(student.getKey()))
                .filter(student -> interns == null || interns.contains(student.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        page.addAttribute("mine", mine);
        page.addAttribute("consentRequired", consentRequired);
        page.addAttribute("minimum", SmallGroups.MINIMUM);
        page.addAttribute(
                "figures",
                CourseFigures.of(
                                members,
                                catalog.categories(courseId),
                                catalog.competencies(courseId),
                                LocalDate.now(clock))
                        .orElse(null));
        return "analytics/course";
    }
}
