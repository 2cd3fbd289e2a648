package nl.leerlog.tool.cafe.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.leerlog.tool.cafe.internal.CafeGroups.Group;
import nl.leerlog.tool.identity.CourseStudents;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A coordinator (any teacher of the course) makes the café's groups, names a coach for each, and puts the course's
 * students in them: by hand, several at once, or spread evenly over the groups.
 */
@Controller
@Section("cafe")
record CafeGroupsController(CafeGroups groups, CourseStudents students, InternshipTeachers teachers, Clock clock) {

    private static final String PAGE = "/teacher/cafe/groups";

    @GetMapping(PAGE)
    String page(CurrentUser user, @RequestParam(required = false) String done, Model page) {
        page.addAttribute("notice", done == null ? null : Notice.of("cafe.groups.done." + done, null));
        return page(user, new GroupForm("", null), FieldErrors.none(), page);
    }

    @PostMapping(PAGE)
    String create(
            CurrentUser user, @Valid GroupForm form, BindingResult binding, Model page, HttpServletResponse response) {
        FieldErrors errors = checked(user, form, FieldErrors.of(binding));
        if (errors.any()) {
            return FormAnswers.rejected(response, page(user, form, errors, page));
        }
        groups.create(user.courseId(), form.name().strip(), form.coachId(), clock.instant());
        return FormAnswers.redirect(PAGE + "?done=created");
    }

    @PostMapping(PAGE + "/{groupId}")
    String change(
            CurrentUser user,
            @PathVariable long groupId,
            @Valid GroupForm form,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        Group group = group(user, groupId);
        FieldErrors errors = checked(user, form, FieldErrors.of(binding));
        if (errors.any()) {
            page.addAttribute("changing", group.id());
            return FormAnswers.rejected(response, page(user, new GroupForm("", null), errors, page));
        }
        groups.rename(group.id(), form.name().strip(), form.coachId());
        return FormAnswers.redirect(PAGE + "?done=changed");
    }

    /** Puts the chosen students in the group; only active students of this course count. */
    @PostMapping(PAGE + "/{groupId}/members")
    String join(CurrentUser user, @PathVariable long groupId, @RequestParam(required = false) List<Long> student) {
        Group group = group(user, groupId);
        Set<Long> active = activeStudents(user);
        List<Long> chosen = student == null
                ? List.of()
                : student.stream().filter(active::contains).toList();
        groups.join(group, chosen, clock.instant());
        return FormAnswers.redirect(PAGE + "?done=joined");
    }

    @PostMapping(PAGE + "/{groupId}/members/{studentId}/leave")
    String leave(CurrentUser user, @PathVariable long groupId, @PathVariable long studentId) {
        Group group = group(user, groupId);
        groups.leave(group.id(), studentId, clock.instant());
        return FormAnswers.redirect(PAGE + "?done=left");
    }

    /** Spreads the students who are in no group yet over the existing groups, smallest group first. */
    @PostMapping(PAGE + "/spread")
    String spread(CurrentUser user, Model page, HttpServletResponse response) {
        Map<Group, List<Long>> current = groups.ofCourse(user.courseId());
        if (current.isEmpty()) {
            return FormAnswers.rejected(
                    response,
                    page(user, new GroupForm("", null), FieldErrors.of("spread", "cafe.groups.spread.none"), page));
        }
        groups.spread(current, unassigned(user, current), clock.instant());
        return FormAnswers.redirect(PAGE + "?done=spread");
    }

    private String page(CurrentUser user, GroupForm form, FieldErrors errors, Model page) {
        Map<Group, List<Long>> current = groups.ofCourse(user.courseId());
        page.addAttribute("groups", current);
        page.addAttribute("students", students.activeStudents(user.courseId()));
        page.addAttribute("unassigned", Set.copyOf(unassigned(user, current)));
        page.addAttribute("teachers", teachers.teachers(user.courseId()));
        page.addAttribute("form", form);
        page.addAttribute("errors", errors);
        return "cafe/groups";
    }

    private FieldErrors checked(CurrentUser user, GroupForm form, FieldErrors errors) {
        if (errors.any() || form.coachId() == null) {
            return errors;
        }
        boolean teacherOfCourse = teachers.teachers(user.courseId()).stream().anyMatch(t -> t.id() == form.coachId());
        return teacherOfCourse ? errors : FieldErrors.of("coachId", "cafe.error.coach");
    }

    private List<Long> unassigned(CurrentUser user, Map<Group, List<Long>> current) {
        Set<Long> placed = new HashSet<>();
        current.values().forEach(placed::addAll);
        return students.activeStudents(user.courseId()).stream()
                .map(CourseStudents.Student::id)
                .filter(id -> !placed.contains(id))
                .toList();
    }

    private Set<Long> activeStudents(CurrentUser user) {
        Set<Long> active = new HashSet<>();
        students.activeStudents(user.courseId()).forEach(s -> active.add(s.id()));
        return active;
    }

    private Group group(CurrentUser user, long groupId) {
        return groups.find(user.courseId(), groupId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
