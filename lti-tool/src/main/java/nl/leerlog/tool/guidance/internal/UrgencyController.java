package nl.leerlog.tool.guidance.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.tool.guidance.internal.Urgency.Colour;
import nl.leerlog.tool.guidance.internal.Urgency.Row;
import nl.leerlog.tool.guidance.internal.Urgency.Thresholds;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.InternshipTeachers.Person;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The internship teacher's dashboard (issue 12): every linked intern on one page, by urgency, each with the reasons
 * as chips, the counts per colour on top, filters and a search by name. The facts come from {@link UrgencyFacts}
 * only, so nothing of a student's learning log can move a row. The teacher snoozes an intern with a note to self;
 * any teacher of the course sets the course's thresholds (every course teacher may coordinate, as for the links).
 */
@Controller
@Section("dashboard")
record UrgencyController(
        UrgencyFacts facts,
        TeacherAvailabilities availabilities,
        InternshipTeachers links,
        UrgencyLabels labels,
        Clock clock) {

    static final String RESULTS_TARGET = "urgency-results";

    /** The furthest a snooze may reach: a teacher who forgets it gets the intern back within half a year. */
    static final int MAX_SNOOZE_MONTHS = 6;

    static final int MAX_NOTE = 200;

    static final int MAX_WEEK = 60;

    static final int MAX_SEARCH = 100;

    /** The filters as asked for; a value that names nothing is dropped with an error, never a 500. */
    record Filter(Colour colour, UrgencyRule reason, Integer week, String q) {

        boolean matches(Row row) {
            return (colour == null || row.colour() == colour)
                    && (reason == null || row.has(reason))
                    && (week == null || (row.week().running() && row.week().week() == week))
                    && (q.isEmpty()
                            || (row.facts().name() != null
                                    && row.facts()
                                            .name()
                                            .toLowerCase(Locale.ROOT)
                                            .contains(q.toLowerCase(Locale.ROOT))));
        }
    }

    @GetMapping("/teacher/dashboard")
    String dashboard(
            CurrentUser user,
            @RequestParam(required = false) String colour,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String week,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String done,
            @RequestHeader(name = "HX-Target", required = false) String target,
            Model page,
            HttpServletResponse response) {
        TeacherView teacher = TeacherView.of(user);
        List<String> errors = new ArrayList<>();
        Colour chosenColour = blank(colour)
                ? null
                : Colour.ofCode(colour.strip()).orElseGet(() -> refuse(errors, "urgency.filter.error.colour"));
        UrgencyRule chosenReason = blank(reason)
                ? null
                : UrgencyRule.ofCode(reason.strip()).orElseGet(() -> refuse(errors, "urgency.filter.error.reason"));
        Integer chosenWeek = week(week, errors);
        String search = q == null ? "" : q.strip();
        if (search.length() > MAX_SEARCH) {
            search = "";
            errors.add("urgency.filter.error.search");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        Filter filter = new Filter(chosenColour, chosenReason, chosenWeek, search);

        Thresholds thresholds = facts.thresholds(teacher.courseId());
        Availability availability = availabilities.of(teacher.teacherId());
        Urgency.Context context = Urgency.Context.of(clock, thresholds, availability.workingDays());
        List<Row> rows = facts.of(teacher).stream()
                .map(intern -> Urgency.of(intern, context))
                .sorted(Urgency.ORDER)
                .toList();
        Map<Colour, Long> counts = new EnumMap<>(Colour.class);
        for (Colour each : Colour.values()) {
            counts.put(each, rows.stream().filter(row -> row.colour() == each).count());
        }
        page.addAttribute("filter", filter);
        page.addAttribute("filterErrors", errors);
        page.addAttribute("counts", counts);
        page.addAttribute("total", rows.size());
        page.addAttribute(
                "rows",
                labels.of(rows.stream().filter(filter::matches).toList(), availability.workingDays(), user.locale()));
        page.addAttribute("colours", Colour.values());
        page.addAttribute("reasons", UrgencyRule.values());
        page.addAttribute("notice", notice(done));
        if (done != null) {
            FormAnswers.showAddress(response, "/teacher/dashboard");
        }
        return RESULTS_TARGET.equals(target) ? "guidance/dashboard :: results" : "guidance/dashboard";
    }

    @GetMapping("/teacher/dashboard/settings")
    String settings(CurrentUser user, @RequestParam(required = false) String done, Model page) {
        TeacherView teacher = TeacherView.of(user);
        Thresholds thresholds = facts.thresholds(teacher.courseId());
        page.addAttribute("notice", "saved".equals(done) ? Notice.of("urgency.settings.saved", null) : null);
        return settingsPage(
                String.valueOf(thresholds.neverAskedWeeks()),
                String.valueOf(thresholds.silentWeeks()),
                FieldErrors.none(),
                page);
    }

    @PostMapping("/teacher/dashboard/settings")
    String saveSettings(
            CurrentUser user,
            @Valid ThresholdsForm form,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        TeacherView teacher = TeacherView.of(user);
        FieldErrors errors = FieldErrors.of(binding);
        if (errors.any()) {
            return FormAnswers.rejected(
                    response, settingsPage(form.neverAskedWeeks(), form.silentWeeks(), errors, page));
        }
        facts.saveThresholds(teacher.courseId(), form.thresholds(), teacher.teacherId(), clock.instant());
        return FormAnswers.redirect("/teacher/dashboard/settings?done=saved");
    }

    @GetMapping("/teacher/students/{studentId}/snooze")
    String snoozeForm(CurrentUser user, @PathVariable long studentId, Model page) {
        TeacherView teacher = TeacherView.of(user);
        Person intern = internOf(teacher, studentId);
        Urgency.Snooze snooze = facts.snoozeOf(teacher, studentId).orElse(null);
        LocalDate today = today();
        return snoozePage(
                intern,
                snooze == null || !snooze.until().isAfter(today)
                        ? today.plusWeeks(2).toString()
                        : snooze.until().toString(),
                snooze == null ? "" : snooze.note(),
                FieldErrors.none(),
                page);
    }

    @PostMapping("/teacher/students/{studentId}/snooze")
    String snooze(
            CurrentUser user,
            @PathVariable long studentId,
            @Valid SnoozeForm form,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        TeacherView teacher = TeacherView.of(user);
        Person intern = internOf(teacher, studentId);
        FieldErrors errors = FieldErrors.of(binding);
        LocalDate today = today();
        LocalDate day = errors.has("until") ? null : form.day();
        if (!errors.has("until")
                && (day == null || !day.isAfter(today) || day.isAfter(today.plusMonths(MAX_SNOOZE_MONTHS)))) {
            errors = errors.with("until", "urgency.snooze.error.until");
        }
        if (errors.any()) {
            return FormAnswers.rejected(
                    response, snoozePage(intern, form.until(), form.note() == null ? "" : form.note(), errors, page));
        }
        facts.snooze(teacher, studentId, day, form.noteText(), clock.instant());
        return FormAnswers.redirect("/teacher/dashboard?done=snoozed");
    }

    @PostMapping("/teacher/students/{studentId}/unsnooze")
    String unsnooze(CurrentUser user, @PathVariable long studentId) {
        TeacherView teacher = TeacherView.of(user);
        internOf(teacher, studentId);
        facts.unsnooze(teacher, studentId);
        return FormAnswers.redirect("/teacher/dashboard?done=unsnoozed");
    }

    private Person internOf(TeacherView teacher, long studentId) {
        return links.internOf(teacher.courseId(), teacher.teacherId(), studentId)
                .orElseThrow(Owner::notFound);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Urgency.ZONE);
    }

    private String snoozePage(Person intern, String until, String note, FieldErrors errors, Model page) {
        LocalDate today = today();
        page.addAttribute("studentId", intern.id());
        page.addAttribute("studentName", intern.name());
        page.addAttribute("until", until);
        page.addAttribute("note", note);
        page.addAttribute("min", today.plusDays(1).toString());
        page.addAttribute("max", today.plusMonths(MAX_SNOOZE_MONTHS).toString());
        page.addAttribute("errors", errors);
        return "guidance/snooze";
    }

    private static String settingsPage(String neverAsked, String silent, FieldErrors errors, Model page) {
        page.addAttribute("neverAskedWeeks", neverAsked);
        page.addAttribute("silentWeeks", silent);
        page.addAttribute("defaults", Thresholds.DEFAULT);
        page.addAttribute("maxWeeks", Thresholds.MAX_WEEKS);
        page.addAttribute("errors", errors);
        return "guidance/dashboard-settings";
    }

    private static Integer week(String value, List<String> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            int week = Integer.parseInt(value.strip());
            if (week >= 1 && week <= MAX_WEEK) {
                return week;
            }
        } catch (NumberFormatException e) {
            // Not a number: the filter is dropped and the page says so, as for one out of range.
        }
        errors.add("urgency.filter.error.week");
        return null;
    }

    private static <T> T refuse(List<String> errors, String key) {
        errors.add(key);
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Notice notice(String done) {
        if ("snoozed".equals(done)) {
            return Notice.of("urgency.snoozed", null);
        }
        return "unsnoozed".equals(done) ? Notice.of("urgency.unsnoozed", null) : null;
    }
}
