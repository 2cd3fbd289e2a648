package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.TIP_RULE;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.leerlog.schema.tables.records.TipRuleRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** A course's tip rules: its own rows once a coordinator changed one, the built-in set until then. */
@Repository
class TipRules {

    private final DSLContext db;
    private final DefaultTipRules defaults;

    TipRules(DSLContext db, DefaultTipRules defaults) {
        this.db = db;
        this.defaults = defaults;
    }

    /** Every rule of the course, enabled or not, by priority. */
    List<TipRule> of(long courseId) {
        List<TipRule> own = db.selectFrom(TIP_RULE)
                .where(TIP_RULE.COURSE_ID.eq(courseId))
                .orderBy(TIP_RULE.PRIORITY, TIP_RULE.RULE_KEY)
                .fetch(TipRules::rule);
        return own.isEmpty() ? defaults.rules() : own;
    }

    /**
     * Replaces one rule of the course. The first change writes the whole built-in set first, so the course keeps every
     * other rule as it was.
     */
    @Transactional
    void save(long courseId, TipRule rule, long changedBy, Instant now) {
        if (!db.fetchExists(TIP_RULE, TIP_RULE.COURSE_ID.eq(courseId))) {
            defaults.rules().forEach(builtIn -> insert(courseId, builtIn, changedBy, now));
        }
        db.deleteFrom(TIP_RULE)
                .where(TIP_RULE.COURSE_ID.eq(courseId))
                .and(TIP_RULE.RULE_KEY.eq(rule.key()))
                .execute();
        insert(courseId, rule, changedBy, now);
    }

    private void insert(long courseId, TipRule rule, long changedBy, Instant now) {
        TipText text = rule.text();
        db.insertInto(TIP_RULE)
                .set(TIP_RULE.COURSE_ID, courseId)
                .set(TIP_RULE.RULE_KEY, rule.key())
                .set(TIP_RULE.RULE_TYPE, rule.type().name())
                .set(TIP_RULE.ENABLED, rule.enabled())
                .set(TIP_RULE.THRESHOLD, rule.threshold())
                .set(TIP_RULE.COMPETENCY_ID, rule.competencyId())
                .set(TIP_RULE.PRIORITY, rule.priority())
                .set(TIP_RULE.COOLDOWN_DAYS, rule.cooldownDays())
                .set(TIP_RULE.FEED_UP_NL, text.feedUpNl())
                .set(TIP_RULE.FEED_UP_EN, text.feedUpEn())
                .set(TIP_RULE.FEEDBACK_NL, text.feedbackNl())
                .set(TIP_RULE.FEEDBACK_EN, text.feedbackEn())
                .set(TIP_RULE.FEED_FORWARD_NL, text.feedForwardNl())
                .set(TIP_RULE.FEED_FORWARD_EN, text.feedForwardEn())
                .set(TIP_RULE.UPDATED_BY, changedBy)
                .set(TIP_RULE.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
    }

    private static TipRule rule(TipRuleRecord row) {
        return new TipRule(
                row.getRuleKey(),
                TipRuleType.valueOf(row.getRuleType()),
                row.getEnabled(),
                row.getThreshold(),
                row.getCompetencyId(),
                row.getPriority(),
                row.getCooldownDays(),
                new TipText(
                        row.getFeedUpNl(),
                        row.getFeedUpEn(),
                        row.getFeedbackNl(),
                        row.getFeedbackEn(),
                        row.getFeedForwardNl(),
                        row.getFeedForwardEn()));
    }
}
