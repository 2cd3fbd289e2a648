package nl.leerlog.tool.analytics.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The student's tips: a panel the learning log and the insights page show, and what the student does with a tip
 * (dismiss it for its cooldown, or mark it helpful; keeping it goes through Saved).
 */
@Controller
@RequestMapping("/student/tips")
@Section("insights")
record TipsController(Tips tips, WellbeingTips wellbeing, InsightsAccess access, Clock clock) {

    /** The pages a tip's buttons lead back to; any other address is not followed. */
    private static final Set<String> RETURN_PAGES = Set.of("/student/log", "/student/insights");

    /** The panel alone, which the learning log fetches after its own content so the log never waits for figures. */
    @GetMapping("/panel")
    String panel(Owner owner, Locale locale, @RequestParam(required = false) String returnTo, Model page) {
        boolean computes = access.computes(owner);
        page.addAttribute("tips", computes ? tips.current(owner, locale) : List.of());
        page.addAttribute(
                "wellbeingTip", computes ? wellbeing.current(owner, locale).orElse(null) : null);
        page.addAttribute("returnTo", returnPage(returnTo));
        return "analytics/tips :: panel";
    }

    @PostMapping("/{key}/dismiss")
    String dismiss(Owner owner, @PathVariable String key, @RequestParam(required = false) String returnTo) {
        tips.rule(owner.courseId(), key).orElseThrow(Owner::notFound);
        tips.responses().dismiss(owner, key, clock.instant());
        return FormAnswers.redirect(returnPage(returnTo));
    }

    @PostMapping("/{key}/helpful")
    String helpful(Owner owner, @PathVariable String key, @RequestParam(required = false) String returnTo) {
        tips.rule(owner.courseId(), key).orElseThrow(Owner::notFound);
        tips.responses().markHelpful(owner, key, clock.instant());
        return FormAnswers.redirect(returnPage(returnTo));
    }

    static String returnPage(String returnTo) {
        return returnTo != null && RETURN_PAGES.contains(returnTo) ? returnTo : "/student/insights";
    }
}
