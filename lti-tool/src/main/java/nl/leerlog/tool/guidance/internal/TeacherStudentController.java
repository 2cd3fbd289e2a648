package nl.leerlog.tool.guidance.internal;

import java.util.List;
import java.util.Map;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.InternshipTeachers.Person;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import nl.leerlog.tool.internship.InternshipSummary;
import nl.leerlog.tool.internship.Internships;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The internship teacher's own interns (handbook 001, "Studentpagina"): the list of them, and per intern a page with
 * the internship data beside the questions they sent this teacher. Only for the intern's own internship teacher:
 * anyone else, a coordinator of the same course too, gets "not found", as the one rule in {@link TeacherView} says.
 * Nothing of the learning log shows here unless it is in a thread.
 */
@Controller
@Section("dashboard")
record TeacherStudentController(InternshipTeachers links, Internships internships, GuidanceQuestions questions) {

    /** One intern in the teacher's list: the internship (null until entered) and how many questions wait. */
    record InternRow(Person student, InternshipSummary internship, int waiting) {}

    @GetMapping("/teacher/dashboard")
    String interns(CurrentUser user, Model page) {
        TeacherView teacher = TeacherView.of(user);
        List<Person> interns = links.internsOf(teacher.courseId(), teacher.teacherId());
        Map<Long, InternshipSummary> internshipsById = internships.summaries(
                teacher.courseId(), interns.stream().map(Person::id).toList());
        Map<Long, Integer> waiting = questions.waitingPerStudent(teacher);
        List<InternRow> rows = interns.stream()
                .map(student -> new InternRow(
                        student, internshipsById.get(student.id()), waiting.getOrDefault(student.id(), 0)))
                .toList();
        page.addAttribute("interns", rows);
        return "guidance/interns";
    }

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
        return "guidance/student-page";
    }
}
