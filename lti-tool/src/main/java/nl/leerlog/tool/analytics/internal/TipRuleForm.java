package nl.leerlog.tool.analytics.internal;

import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.leerlog.tool.programme.Choice;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.OneOf;
import nl.leerlog.tool.web.TypeableText;
import nl.leerlog.tool.web.TypeableTextRule;
import nl.leerlog.tool.web.WholeNumber;

/**
 * A tip rule as the editor sends it, kept as typed so a refused form shows it again. The rule is one of the fixed
 * {@link TipRuleType}s with its one number: nothing typed here is ever evaluated.
 */
record TipRuleForm(
        @NotBlank(message = ERRORS + "type") @OneOf(value = TipRuleType.class, message = ERRORS + "type")
        String type,

        @WholeNumber(min = 0, max = 1000, message = ERRORS + "threshold")
        String threshold,

        @WholeNumber(min = 1, max = Long.MAX_VALUE, message = ERRORS + "competency")
        String competencyId,

        @NotBlank(message = ERRORS + "priority") @WholeNumber(min = 1, max = 9, message = ERRORS + "priority")
        String priority,

        @NotBlank(message = ERRORS + "cooldown") @WholeNumber(min = 0, max = 365, message = ERRORS + "cooldown")
        String cooldownDays,

        String enabled,

        @TypeableText(max = TEXT_LENGTH, required = true, keys = ERRORS)
        String feedUpNl,

        @TypeableText(max = TEXT_LENGTH, required = true, keys = ERRORS)
        String feedUpEn,

        @TypeableText(max = TEXT_LENGTH, required = true, keys = ERRORS)
        String feedbackNl,

        @TypeableText(max = TEXT_LENGTH, required = true, keys = ERRORS)
        String feedbackEn,

        @TypeableText(max = TEXT_LENGTH, required = true, keys = ERRORS)
        String feedForwardNl,

        @TypeableText(max = TEXT_LENGTH, required = true, keys = ERRORS)
        String feedForwardEn) {

    static final String ERRORS = "tips.editor.error.";

    /** As long as the tip_rule columns. */
    static final int TEXT_LENGTH = 500;

    /** The form filled in with a stored rule. */
    static TipRuleForm of(TipRule rule) {
        TipText text = rule.text();
        return new TipRuleForm(
                rule.type().name(),
                rule.type().hasThreshold() ? String.valueOf(rule.threshold()) : "",
                rule.competencyId() == null ? "" : String.valueOf(rule.competencyId()),
                String.valueOf(rule.priority()),
                String.valueOf(rule.cooldownDays()),
                rule.enabled() ? "true" : "",
                text.feedUpNl(),
                text.feedUpEn(),
                text.feedbackNl(),
                text.feedbackEn(),
                text.feedForwardNl(),
                text.feedForwardEn());
    }

    /** A new rule's form: enabled, of the first type, with its lowest number and the default's cooldown. */
    static TipRuleForm empty() {
        TipRuleType first = TipRuleType.values()[0];
        return new TipRuleForm(
                first.name(), String.valueOf(first.lowest()), "", "5", "14", "true", "", "", "", "", "", "");
    }

    /**
     * The form's own rules passed: the rules that need the type or the course. The number must lie within the range
     * of the chosen type, and a competency must be one the course offers, and only for a competency rule.
     */
    FieldErrors check(FieldErrors bound, List<Choice> competencies) {
        FieldErrors errors = bound;
        TipRuleType chosen = OneOf.Validator.constant(TipRuleType.class, type);
        if (chosen == null) {
            return errors;
        }
        Long number = WholeNumber.Validator.parse(threshold);
        if (chosen.hasThreshold()
                && !errors.has("threshold")
                && (number == null || number < chosen.lowest() || number > chosen.highest())) {
            errors = errors.with("threshold", ERRORS + "threshold");
        }
        Long competency = WholeNumber.Validator.parse(competencyId);
        if (competency != null && !errors.has("competencyId")) {
            boolean offered = competencies.stream().anyMatch(choice -> choice.id() == competency);
            if (chosen != TipRuleType.COMPETENCY_UNLINKED || !offered) {
                errors = errors.with("competencyId", ERRORS + "competency");
            }
        }
        return errors;
    }

    /** The rule this form describes, under {@code key}; only for a form that passed {@link #check}. */
    TipRule rule(String key) {
        TipRuleType chosen = OneOf.Validator.constant(TipRuleType.class, type);
        Long competency = WholeNumber.Validator.parse(competencyId);
        return new TipRule(
                key,
                chosen,
                switchedOn(),
                chosen.hasThreshold() ? WholeNumber.Validator.parse(threshold).intValue() : 0,
                chosen == TipRuleType.COMPETENCY_UNLINKED ? competency : null,
                WholeNumber.Validator.parse(priority).intValue(),
                WholeNumber.Validator.parse(cooldownDays).intValue(),
                new TipText(
                        TypeableTextRule.stripped(feedUpNl),
                        TypeableTextRule.stripped(feedUpEn),
                        TypeableTextRule.stripped(feedbackNl),
                        TypeableTextRule.stripped(feedbackEn),
                        TypeableTextRule.stripped(feedForwardNl),
                        TypeableTextRule.stripped(feedForwardEn)));
    }

    /** Whether every part of the tip is filled in, in both languages: a new rule's form is not, at first. */
    boolean textComplete() {
        return Stream.of(feedUpNl, feedUpEn, feedbackNl, feedbackEn, feedForwardNl, feedForwardEn)
                .allMatch(text -> TypeableTextRule.stripped(text) != null);
    }

    boolean switchedOn() {
        return "true".equals(enabled) || "on".equals(enabled);
    }

    /** The fields as typed, by name, for the page. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("type", orEmpty(type));
        values.put("threshold", orEmpty(threshold));
        values.put("competencyId", orEmpty(competencyId));
        values.put("priority", orEmpty(priority));
        values.put("cooldownDays", orEmpty(cooldownDays));
        values.put("feedUpNl", orEmpty(feedUpNl));
        values.put("feedUpEn", orEmpty(feedUpEn));
        values.put("feedbackNl", orEmpty(feedbackNl));
        values.put("feedbackEn", orEmpty(feedbackEn));
        values.put("feedForwardNl", orEmpty(feedForwardNl));
        values.put("feedForwardEn", orEmpty(feedForwardEn));
        return values;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
