package nl.leerlog.tool.analytics.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.tool.identity.Owner;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The tips a student sees now: the course's enabled rules that hold for their own figures, not dismissed lately. */
@Service
record Tips(TipRules rules, TipResponses responses, FiguresReader figures, MessageSource messages, Clock clock) {

    /** At most this many tips at once, the most important first: more would be read as noise. */
    static final int SHOWN = 3;

    List<ShownTip> current(Owner owner, Locale locale) {
        return current(owner, figures.of(owner, locale), locale);
    }

    List<ShownTip> current(Owner owner, StudentFigures own, Locale locale) {
        Map<String, TipResponses.Response> answered = responses.of(owner);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        return rules.of(owner.courseId()).stream()
                .filter(TipRule::enabled)
                .filter(rule -> !coolingDown(rule, answered.get(rule.key()), now))
                .sorted(Comparator.comparingInt(TipRule::priority))
                .flatMap(rule -> TipConditions.check(rule, own, today).stream()
                        .map(reason -> shown(rule, reason, answered.get(rule.key()), locale)))
                .limit(SHOWN)
                .toList();
    }

    /** The rule's tip for the course as it would read, for a coordinator's preview. */
    ShownTip preview(TipRule rule, Optional<TipConditions.Reason> reason, Locale locale) {
        return shown(rule, reason.orElse(null), null, locale);
    }

    /** The rule's key if it is one of the course's rules; a stranger's key names nothing. */
    Optional<TipRule> rule(long courseId, String key) {
        return rules.of(courseId).stream()
                .filter(rule -> rule.key().equals(key))
                .findFirst();
    }

    private static boolean coolingDown(TipRule rule, TipResponses.Response response, Instant now) {
        return response != null
                && response.dismissedAt() != null
                && response.dismissedAt()
                        .toInstant()
                        .plus(rule.cooldownDays(), ChronoUnit.DAYS)
                        .isAfter(now);
    }

    private ShownTip shown(TipRule rule, TipConditions.Reason reason, TipResponses.Response response, Locale locale) {
        return new ShownTip(
                rule.key(),
                rule.text().feedUp(locale),
                rule.text().feedback(locale),
                rule.text().feedForward(locale),
                reason == null
                        ? null
                        : messages.getMessage(reason.key(), reason.arguments().toArray(), locale),
                response != null && response.helpfulAt() != null);
    }
}
