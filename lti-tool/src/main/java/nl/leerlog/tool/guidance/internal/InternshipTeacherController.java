package nl.leerlog.tool.guidance.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.InternshipTeachers.Intern;
import nl.leerlog.tool.web.Downloads;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Linking students to their internship teacher (handbook 001, "Begeleiding"): every teacher of a course may
 * coordinate, and links several students at once to one teacher of the course, or unlinks them. A teacher sees
 * only what their own linked students share with them, so this page decides who may read what later.
 */
@Controller
@RequestMapping("/teacher/students/teachers")
@Section("students")
record InternshipTeacherController(InternshipTeachers links, Clock clock) {

    private static final String PAGE = "/teacher/students/teachers";

    @GetMapping
    String page(
            CurrentUser user,
            @RequestParam(defaultValue = "false") boolean unlinkedOnly,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) Integer count,
            Model page,
            HttpServletResponse response) {
        if (done != null) {
            FormAnswers.showAddress(response, unlinkedOnly ? PAGE + "?unlinkedOnly=true" : PAGE);
            page.addAttribute("notice", notice(done, count));
        }
        return show(user, unlinkedOnly, Set.of(), FieldErrors.none(), page);
    }

    @PostMapping
    String change(
            CurrentUser user,
            @RequestParam(required = false) List<Long> studentIds,
            @RequestParam(required = false) Long teacherId,
            @RequestParam(defaultValue = "link") String action,
            @RequestParam(defaultValue = "false") boolean unlinkedOnly,
            Model page,
            HttpServletResponse response) {
        Set<Long> chosen = studentIds == null ? Set.of() : Set.copyOf(studentIds);
        boolean unlink = "unlink".equals(action);
        FieldErrors errors = FieldErrors.none();
        if (chosen.isEmpty()) {
            errors = errors.with("studentIds", "links.error.no-students");
        }
        if (!unlink && teacherId == null) {
            errors = errors.with("teacherId", "links.error.no-teacher");
        }
        if (errors.any()) {
            return FormAnswers.rejected(response, show(user, unlinkedOnly, chosen, errors, page));
        }
        String back = PAGE + "?unlinkedOnly=" + unlinkedOnly + "&count=" + chosen.size();
        if (unlink) {
            links.unlink(user.courseId(), chosen);
            return FormAnswers.redirect(back + "&done=unlinked");
        }
        try {
            links.link(user.courseId(), chosen, teacherId, clock.instant());
        } catch (InternshipTeachers.NotInCourse e) {
            // Ids from another course, or of someone no longer in this one: as if they were not there.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return FormAnswers.redirect(back + "&done=linked");
    }

    /** What an import did: how many students were linked, how many of them moved from another teacher, what not. */
    record ImportReport(int linked, int moved, List<InternshipTeacherCsv.Refusal> refused) {}

    /**
     * Links students from a CSV file and shows the report on the page: each valid line is linked, each refused line
     * is listed with its reason. A file that cannot be read links nobody.
     */
    @PostMapping("/import")
    String importCsv(
            CurrentUser user,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model page,
            HttpServletResponse response)
            throws IOException {
        if (file == null || file.isEmpty() || file.getSize() > InternshipTeacherCsv.MAX_BYTES) {
            return importRefused(
                    user,
                    file == null || file.isEmpty() ? "links.import.error.no-file" : "links.import.error.too-large",
                    page,
                    response);
        }
        InternshipTeacherCsv.Reading reading =
                InternshipTeacherCsv.read(file.getBytes(), links.members(user.courseId()));
        if (reading.fileError() != null) {
            return importRefused(user, reading.fileError(), page, response);
        }
        Map<Long, List<Long>> studentsByTeacher = reading.links().stream()
                .collect(Collectors.groupingBy(
                        InternshipTeacherCsv.Link::teacherId,
                        Collectors.mapping(InternshipTeacherCsv.Link::studentId, Collectors.toList())));
        int moved;
        try {
            moved = links.linkAll(user.courseId(), studentsByTeacher, clock.instant());
        } catch (InternshipTeachers.NotInCourse changed) {
            // Someone left the course between reading the file and linking: nothing was linked, try again.
            return importRefused(user, "links.import.error.changed", page, response);
        }
        page.addAttribute("report", new ImportReport(reading.links().size(), moved, reading.refused()));
        return show(user, false, Set.of(), FieldErrors.none(), page);
    }

    private String importRefused(CurrentUser user, String reason, Model page, HttpServletResponse response) {
        show(user, false, Set.of(), FieldErrors.of("file", reason), page);
        return FormAnswers.rejected(response, "guidance/teachers");
    }

    /**
     * A file to start from: every active student of the course with their internship teacher (or the first teacher),
     * each named by the best identifier Leerlog knows of them.
     */
    @GetMapping("/example.csv")
    ResponseEntity<String> example(CurrentUser user) {
        List<InternshipTeachers.Member> members = links.members(user.courseId());
        Map<Long, InternshipTeachers.Member> byId =
                members.stream().collect(Collectors.toMap(InternshipTeachers.Member::id, member -> member));
        List<InternshipTeachers.Person> teachers = links.teachers(user.courseId());
        StringBuilder csv = new StringBuilder("student,teacher\r\n");
        for (Intern intern : links.interns(user.courseId())) {
            Long teacher = intern.teacher()
                    .map(InternshipTeachers.Person::id)
                    .orElse(teachers.isEmpty() ? null : teachers.getFirst().id());
            if (teacher != null) {
                csv.append(quoted(identifier(byId.get(intern.student().id()))))
                        .append(',')
                        .append(quoted(identifier(byId.get(teacher))))
                        .append("\r\n");
            }
        }
        return Downloads.attachment(
                "internship-teachers.csv", new MediaType("text", "csv", StandardCharsets.UTF_8), csv.toString());
    }

    /** The login id if the LMS sends it, else the e-mail, else the LMS user id, which is always there. */
    private static String identifier(InternshipTeachers.Member member) {
        if (member.loginId() != null) {
            return member.loginId();
        }
        return member.email() != null ? member.email() : member.subject();
    }

    private static String quoted(String cell) {
        return cell.matches("[^,;\"\r\n]*") ? cell : '"' + cell.replace("\"", "\"\"") + '"';
    }

    private String show(CurrentUser user, boolean unlinkedOnly, Set<Long> chosen, FieldErrors errors, Model page) {
        List<Intern> interns = links.interns(user.courseId());
        long unlinked =
                interns.stream().filter(intern -> intern.teacher().isEmpty()).count();
        page.addAttribute(
                "interns",
                unlinkedOnly
                        ? interns.stream().filter(i -> i.teacher().isEmpty()).toList()
                        : interns);
        page.addAttribute("allCount", interns.size());
        page.addAttribute("unlinkedCount", unlinked);
        page.addAttribute("unlinkedOnly", unlinkedOnly);
        page.addAttribute("teachers", links.teachers(user.courseId()));
        page.addAttribute("chosen", chosen);
        page.addAttribute("errors", errors);
        return "guidance/teachers";
    }

    private static Notice notice(String done, Integer count) {
        String key =
                Map.of("linked", "links.linked", "unlinked", "links.unlinked").get(done);
        return key == null ? null : Notice.of(key, String.valueOf(count == null ? 0 : count));
    }
}
