package nl.leerlog.tool.analytics.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The rule set every course starts with, so tips work in a course nobody configured. Its texts live in the message
 * bundles; a coordinator's first change copies the whole set into the course's own rows.
 */
@Component
record DefaultTipRules(MessageSource messages) {

    private static final Locale DUTCH = Locale.of("nl");

    private record Default(String key, TipRuleType type, int threshold, int priority, int cooldownDays) {}

    private static final List<Default> DEFAULTS = List.of(
            new Default("internship-missing", TipRuleType.INTERNSHIP_MISSING, 0, 1, 3),
            new Default("log-regularly", TipRuleType.NO_MOMENT_FOR_DAYS, 7, 2, 7),
            new Default("set-a-goal", TipRuleType.NO_GOAL_AFTER_WEEK, 2, 3, 14),
            new Default("finish-reflections", TipRuleType.REFLECTION_STOPS_AT_STEP, 2, 3, 14),
            new Default("cover-competencies", TipRuleType.COMPETENCY_UNLINKED, 4, 4, 14),
            new Default("vary-categories", TipRuleType.CATEGORY_SHARE, 70, 5, 14));

    List<TipRule> rules() {
        return DEFAULTS.stream()
                .map(rule -> new TipRule(
                        rule.key(),
                        rule.type(),
                        true,
                        rule.threshold(),
                        null,
                        rule.priority(),
                        rule.cooldownDays(),
                        new TipText(
                                text(rule.key(), "feed-up", DUTCH),
                                text(rule.key(), "feed-up", Locale.ENGLISH),
                                text(rule.key(), "feedback", DUTCH),
                                text(rule.key(), "feedback", Locale.ENGLISH),
                                text(rule.key(), "feed-forward", DUTCH),
                                text(rule.key(), "feed-forward", Locale.ENGLISH))))
                .toList();
    }

    private String text(String key, String part, Locale locale) {
        return messages.getMessage("tips.default." + key + "." + part, null, locale);
    }
}
