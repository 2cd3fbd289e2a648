package nl.leerlog.tool.analytics.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import nl.leerlog.tool.programme.ProgrammeCatalog;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tip editor of a course's coordinators (teachers): the course's rules, the built-in set while nobody changed
 * one, with how many students each would show to now and how many found its tip helpful. Counts only, never who,
 * and none at all in a course of fewer than {@link SmallGroups#MINIMUM} students. A rule is one of the fixed types
 * with its number and its text: no condition is ever typed.
 */
@Controller
@RequestMapping("/teacher/insights/tips")
@Section("insights")
record TipEditorController(
        TipRules rules, TipPreview preview, Tips tips, CourseAnalytics course, ProgrammeCatalog catalog, Clock clock) {

    private static final String LIST = "/teacher/insights/tips";

    /** A row of the list: the rule, its tip as the coordinator reads it, and the counts (null when too few). */
    record Row(TipRule rule, ShownTip tip, Integer holding, Integer helpful) {}

    @GetMapping
    String list(CurrentUser user, Locale locale, @RequestParam(required = false) String done, Model page) {
        long courseId = TeacherView.of(user).courseId();
        List<TipRule> courseRules = rules.of(courseId);
        TipPreview.Counts counts = preview.counts(courseId, courseRules);
        boolean showable = SmallGroups.showable(counts.students());
        Map<String, Integer> helpful = course.helpfulByRule(courseId);
        page.addAttribute(
                "rows",
                courseRules.stream()
                        .map(rule -> new Row(
                                rule,
                                tips.preview(rule, Optional.empty(), locale),
                                showable ? counts.holdingByRule().getOrDefault(rule.key(), 0) : null,
                                showable ? helpful.getOrDefault(rule.key(), 0) : null))
                        .toList());
        page.addAttribute("students", counts.students());
        page.addAttribute("showable", showable);
        page.addAttribute("minimum", SmallGroups.MINIMUM);
        page.addAttribute("notice", done == null ? null : Notice.of("tips.editor.done." + doneKey(done), null));
        return "analytics/tip-editor";
    }

    @GetMapping("/new")
    String newRule(CurrentUser user, Locale locale, Model page) {
        long courseId = TeacherView.of(user).courseId();
        return form(courseId, null, TipRuleForm.empty(), FieldErrors.none(), locale, page);
    }

    @GetMapping("/{key}")
    String edit(CurrentUser user, Locale locale, @PathVariable String key, Model page) {
        long courseId = TeacherView.of(user).courseId();
        TipRule rule = tips.rule(courseId, key).orElseThrow(Owner::notFound);
        return form(courseId, key, TipRuleForm.of(rule), FieldErrors.none(), locale, page);
    }

    @PostMapping
    String create(
            CurrentUser user,
            Locale locale,
            @Valid TipRuleForm form,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        TeacherView teacher = TeacherView.of(user);
        FieldErrors errors = form.check(FieldErrors.of(binding), catalog.competencies(teacher.courseId()));
        if (errors.any()) {
            return FormAnswers.rejected(response, form(teacher.courseId(), null, form, errors, locale, page));
        }
        String key = freeKey(teacher.courseId());
        rules.save(teacher.courseId(), form.rule(key), teacher.teacherId(), clock.instant());
        return FormAnswers.redirect(LIST + "?done=created");
    }

    @PostMapping("/{key}")
    String update(
            CurrentUser user,
            Locale locale,
            @PathVariable String key,
            @Valid TipRuleForm form,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        TeacherView teacher = TeacherView.of(user);
        tips.rule(teacher.courseId(), key).orElseThrow(Owner::notFound);
        FieldErrors errors = form.check(FieldErrors.of(binding), catalog.competencies(teacher.courseId()));
        if (errors.any()) {
            return FormAnswers.rejected(response, form(teacher.courseId(), key, form, errors, locale, page));
        }
        rules.save(teacher.courseId(), form.rule(key), teacher.teacherId(), clock.instant());
        return FormAnswers.redirect(LIST + "?done=saved");
    }

    /** Switches a rule on or off and keeps everything else of it. */
    @PostMapping("/{key}/enabled")
    String enable(CurrentUser user, @PathVariable String key, @RequestParam(defaultValue = "false") boolean enabled) {
        TeacherView teacher = TeacherView.of(user);
        TipRule rule = tips.rule(teacher.courseId(), key).orElseThrow(Owner::notFound);
        rules.save(
                teacher.courseId(),
                new TipRule(
                        rule.key(),
                        rule.type(),
                        enabled,
                        rule.threshold(),
                        rule.competencyId(),
                        rule.priority(),
                        rule.cooldownDays(),
                        rule.text()),
                teacher.teacherId(),
                clock.instant());
        return FormAnswers.redirect(LIST + "?done=" + (enabled ? "enabled" : "disabled"));
    }

    /**
     * The live preview of the form as it is now (htmx, on every change): how many students the rule would show to
     * and the tip as a student reads it; a form that is not complete yet says so.
     */
    @PostMapping("/preview")
    String preview(CurrentUser user, Locale locale, @Valid TipRuleForm form, BindingResult binding, Model page) {
        long courseId = TeacherView.of(user).courseId();
        FieldErrors errors = form.check(FieldErrors.of(binding), catalog.competencies(courseId));
        addPreview(courseId, errors.any() ? null : form.rule("preview"), locale, page);
        return "analytics/tip-editor-form :: preview";
    }

    private String form(long courseId, String key, TipRuleForm form, FieldErrors errors, Locale locale, Model page) {
        page.addAttribute("key", key);
        page.addAttribute("values", form.values());
        page.addAttribute("enabled", form.switchedOn());
        page.addAttribute("errors", errors);
        page.addAttribute("types", TipRuleType.values());
        page.addAttribute("competencies", catalog.competencies(courseId));
        boolean previewable = !errors.any() && form.textComplete();
        addPreview(courseId, previewable ? form.rule(key == null ? "preview" : key) : null, locale, page);
        return "analytics/tip-editor-form";
    }

    private void addPreview(long courseId, TipRule rule, Locale locale, Model page) {
        page.addAttribute("previewRule", rule);
        if (rule == null) {
            return;
        }
        TipPreview.Counts counts = preview.counts(courseId, List.of(rule));
        page.addAttribute("previewStudents", counts.students());
        page.addAttribute("previewShowable", SmallGroups.showable(counts.students()));
        page.addAttribute("previewHolding", counts.holdingByRule().getOrDefault(rule.key(), 0));
        page.addAttribute("minimum", SmallGroups.MINIMUM);
        page.addAttribute("sample", tips.preview(rule, Optional.empty(), locale));
    }

    /** A key no rule of the course has: {@code own-1}, {@code own-2}, and so on. */
    private String freeKey(long courseId) {
        Set<String> taken = rules.of(courseId).stream().map(TipRule::key).collect(Collectors.toSet());
        int n = 1;
        while (taken.contains("own-" + n)) {
            n++;
        }
        return "own-" + n;
    }

    private static String doneKey(String done) {
        return switch (done) {
            case "created", "enabled", "disabled" -> done;
            default -> "saved";
        };
    }
}
