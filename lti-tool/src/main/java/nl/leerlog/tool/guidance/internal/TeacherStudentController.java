package nl.leerlog.tool.guidance.internal;

import java.time.Clock;
import java.time.LocalDate;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.InternshipTeachers.Person;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import nl.leerlog.tool.internship.Internships;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The internship teacher's page per intern (handbook 001, "Studentpagina"): the internship data beside the questions
 * they sent this teacher (the list of interns is the {@link UrgencyController dashboard}). Only for the intern's own internship teacher:
 * anyone else, a coordinator of the same course too, gets "not found", as the one rule in {@link TeacherView} says.
 * Nothing of the learning log shows here unless it is in a thread.
 */
@Controller
@Section("dashboard")
record TeacherStudentController(
        InternshipTeachers links,
        Internships internships,
        GuidanceQuestions questions,
        UrgencyFacts urgency,
        Clock clock) {

    @GetMapping("/teacher/students/{studentId}")
    String student(CurrentUser user, @PathVariable long studentId, Model page) {
        TeacherView teacher = TeacherView.of(user);
        Person intern = links.internOf(teacher.courseId(), teacher.teacherId(), studentId)
                .orElseThrow(Owner::notFound);
        page.addAttribute("studentId", studentId);
        page.addAttribute("studentName", intern.name());
        page.addAttribute(
                "internship", internships.summary(teacher.courseId(), studentId).orElse(null));
        page.addAttribute("threads", questions.sentBy(teacher, studentId));
        // A snooze that ran out is not told: the intern is back on the list.
        page.addAttribute(
                "snooze",
                urgency.snoozeOf(teacher, studentId)
                        .filter(snooze -> snooze.until().isAfter(LocalDate.ofInstant(clock.instant(), Urgency.ZONE)))
                        .orElse(null));
        return "guidance/student-page";
    }
}
