package nl.leerlog.tool.analytics.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.saved.SavedTimeline;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Section;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The student's own analytics (handbook 001 "Analyse"): charts of their own learning log over a period, each with a
 * summary and a table. Only the launched student's own figures are read; where the course asks for consent,
 * nothing is computed until the student gives it.
 */
@Controller
@RequestMapping("/student/insights")
@Section("insights")
record InsightsController(
        FiguresReader figures,
        InsightCharts charts,
        AnalyticsSettings settings,
        AnalyticsConsents consents,
        Tips tips,
        CheckIns checkIns,
        CheckInChart checkInChart,
        ChartSnapshots snapshots,
        SavedTimeline saved,
        InsightsAccess access,
        CourseFigureOptIns optIns,
        WellbeingTips wellbeing,
        Clock clock) {

    @GetMapping
    String page(
            Owner owner,
            Locale locale,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model page,
            HttpServletResponse response) {
        boolean consentRequired = settings.consentRequired(owner.courseId());
        AnalyticsConsents.Answer answer = consentRequired ? consents.answer(owner) : AnalyticsConsents.Answer.NONE;
        page.addAttribute("consentRequired", consentRequired);
        page.addAttribute("consent", answer);
        page.addAttribute("courseOptIn", consentRequired && optIns.optedIn(owner));
        page.addAttribute("from", from == null ? "" : from.strip());
        page.addAttribute("to", to == null ? "" : to.strip());
        if (consentRequired && answer != AnalyticsConsents.Answer.GIVEN) {
            return "analytics/consent";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate chosenFrom = date(from, "from", errors);
        LocalDate chosenTo = date(to, "to", errors);
        LocalDate today = LocalDate.now(clock);
        StudentFigures own = figures.of(owner, locale);
        Period period = InsightCharts.defaultPeriod(own, today);
        if (errors.isEmpty() && (chosenFrom != null || chosenTo != null)) {
            LocalDate start = chosenFrom != null ? chosenFrom : period.from();
            LocalDate end = chosenTo != null ? chosenTo : (start.isAfter(period.to()) ? start : period.to());
            if (end.isBefore(start)) {
                errors.put("to", "insights.filter.error.order");
            } else if (new Period(start, end).days() > Period.MAX_DAYS) {
                errors.put("to", "insights.filter.error.long");
            } else {
                period = new Period(start, end);
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        page.addAttribute("filterErrors", errors);
        page.addAttribute("insights", charts.of(own, period, locale));
        page.addAttribute("tips", tips.current(owner, own, locale));
        page.addAttribute("returnTo", "/student/insights");
        List<CheckIn> recent = checkIns.recent(owner, CheckInChart.WEEKS);
        CheckIn thisWeek = recent.stream()
                .filter(checkIn -> checkIn.weekStart().equals(CheckIns.weekOf(today)))
                .findFirst()
                .orElse(null);
        page.addAttribute("thisWeek", thisWeek);
        page.addAttribute(
                "checkInAnswers",
                thisWeek == null
                        ? Map.of()
                        : Map.of(
                                "mood", thisWeek.mood(),
                                "workload", thisWeek.workload(),
                                "energy", thisWeek.energy()));
        page.addAttribute("checkInChart", checkInChart.of(recent, locale));
        page.addAttribute(
                "wellbeingTip", wellbeing.current(owner, recent, locale).orElse(null));
        return "analytics/insights";
    }

    /**
     * Keeps a chart as it is today, over the period on the page, in Saved: a copy with its date, which the student may
     * also attach to a guidance question.
     */
    @PostMapping("/charts/{key}/keep")
    String keepChart(
            Owner owner,
            Locale locale,
            @PathVariable String key,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        if (!access.computes(owner)) {
            throw Owner.notFound();
        }
        LocalDate today = LocalDate.now(clock);
        Chart chart;
        if (key.equals("checkins")) {
            chart = checkInChart.of(checkIns.recent(owner, CheckInChart.WEEKS), locale);
        } else {
            Map<String, String> errors = new LinkedHashMap<>();
            LocalDate chosenFrom = date(from, "from", errors);
            LocalDate chosenTo = date(to, "to", errors);
            StudentFigures own = figures.of(owner, locale);
            Period period = InsightCharts.defaultPeriod(own, today);
            if (!errors.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
            }
            if (chosenFrom != null || chosenTo != null) {
                LocalDate start = chosenFrom != null ? chosenFrom : period.from();
                LocalDate end = chosenTo != null ? chosenTo : period.to();
                if (end.isBefore(start) || new Period(start, end).days() > Period.MAX_DAYS) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
                }
                period = new Period(start, end);
            }
            chart = charts.of(own, period, locale).charts().stream()
                    .filter(candidate -> candidate.key().equals(key))
                    .findFirst()
                    .orElseThrow(Owner::notFound);
        }
        long snapshot = snapshots.keep(owner, chart, today, clock.instant());
        long entry = saved.keepChart(owner, snapshot, chart.title() + " (" + today + ")");
        return FormAnswers.redirect("/student/saved?added=" + entry);
    }

    @PostMapping("/consent")
    String giveConsent(Owner owner) {
        if (!settings.consentRequired(owner.courseId())) {
            throw Owner.notFound();
        }
        consents.give(owner, clock.instant());
        return FormAnswers.redirect("/student/insights");
    }

    @PostMapping("/consent/withdraw")
    String withdrawConsent(Owner owner) {
        if (!settings.consentRequired(owner.courseId()) || !consents.withdraw(owner, clock.instant())) {
            throw Owner.notFound();
        }
        return FormAnswers.redirect("/student/insights");
    }

    /**
     * Counts the student in the course's figures, in a course that asks consent; elsewhere every student is counted
     * (over groups of at least five) and there is nothing to opt in to.
     */
    @PostMapping("/course-figures")
    String optIn(Owner owner) {
        if (!settings.consentRequired(owner.courseId())) {
            throw Owner.notFound();
        }
        optIns.optIn(owner, clock.instant());
        return FormAnswers.redirect("/student/insights");
    }

    @PostMapping("/course-figures/withdraw")
    String withdrawOptIn(Owner owner) {
        if (!settings.consentRequired(owner.courseId()) || !optIns.withdraw(owner, clock.instant())) {
            throw Owner.notFound();
        }
        return FormAnswers.redirect("/student/insights");
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "insights.filter.error.date");
            return null;
        }
    }
}
