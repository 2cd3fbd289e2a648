package nl.leerlog.tool.analytics.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.TeacherView;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A course's analytics settings for its coordinators: whether students are asked for consent (before their own
 * analytics is computed and before they are counted in the course's figures), and the school's student counsellor
 * whom the low-wellbeing tip points to.
 */
@Controller
@RequestMapping("/teacher/insights/settings")
@Section("insights")
record AnalyticsSettingsController(AnalyticsSettings settings, Clock clock) {

    @GetMapping
    String page(CurrentUser user, @RequestParam(required = false) String done, Model page) {
        long courseId = TeacherView.of(user).courseId();
        page.addAttribute("notice", "saved".equals(done) ? Notice.of("insights.settings.saved", null) : null);
        return page(
                String.valueOf(settings.consentRequired(courseId)),
                settings.counsellorUrl(courseId).orElse(""),
                FieldErrors.none(),
                page);
    }

    @PostMapping
    String save(
            CurrentUser user,
            @Valid AnalyticsSettingsForm form,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        TeacherView teacher = TeacherView.of(user);
        FieldErrors errors = FieldErrors.of(binding);
        if (!errors.has("consentRequired") && !form.validChoice()) {
            errors = errors.with("consentRequired", AnalyticsSettingsForm.ERRORS + "consent");
        }
        if (errors.any()) {
            return FormAnswers.rejected(response, page(form.consentRequired(), form.counsellorUrl(), errors, page));
        }
        settings.save(teacher.courseId(), form.asksConsent(), form.url(), teacher.teacherId(), clock.instant());
        return FormAnswers.redirect("/teacher/insights/settings?done=saved");
    }

    private static String page(String consentRequired, String counsellorUrl, FieldErrors errors, Model page) {
        page.addAttribute("consentRequired", consentRequired == null ? "" : consentRequired);
        page.addAttribute("counsellorUrl", counsellorUrl == null ? "" : counsellorUrl);
        page.addAttribute("errors", errors);
        return "analytics/settings";
    }
}
