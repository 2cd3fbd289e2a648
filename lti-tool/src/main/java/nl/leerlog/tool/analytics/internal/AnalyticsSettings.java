package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.ANALYTICS_SETTING;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import nl.leerlog.tool.system.Upserts;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** A course's choice whether students are asked for consent before their own analytics is computed. */
@Repository
class AnalyticsSettings {

    private final DSLContext db;

    AnalyticsSettings(DSLContext db) {
        this.db = db;
    }

    /** Whether the course asks; a course that never chose does not. */
    boolean consentRequired(long courseId) {
        return db.select(ANALYTICS_SETTING.CONSENT_REQUIRED)
                .from(ANALYTICS_SETTING)
                .where(ANALYTICS_SETTING.COURSE_ID.eq(courseId))
                .fetchOptional(ANALYTICS_SETTING.CONSENT_REQUIRED)
                .orElse(false);
    }

    /** The course's counsellor address for the low-wellbeing tip, when it configured one. */
    Optional<String> counsellorUrl(long courseId) {
        return db.select(ANALYTICS_SETTING.COUNSELLOR_URL)
                .from(ANALYTICS_SETTING)
                .where(ANALYTICS_SETTING.COURSE_ID.eq(courseId))
                .fetchOptional(ANALYTICS_SETTING.COUNSELLOR_URL);
    }

    /** Both settings of the course at once, from its settings form; a null address removes the one stored. */
    void save(long courseId, boolean consentRequired, String counsellorUrl, long changedBy, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        Upserts.upsert(() -> db.insertInto(ANALYTICS_SETTING)
                .set(ANALYTICS_SETTING.COURSE_ID, courseId)
                .set(ANALYTICS_SETTING.CONSENT_REQUIRED, consentRequired)
                .set(ANALYTICS_SETTING.COUNSELLOR_URL, counsellorUrl)
                .set(ANALYTICS_SETTING.UPDATED_BY, changedBy)
                .set(ANALYTICS_SETTING.UPDATED_AT, at)
                .onConflict(ANALYTICS_SETTING.COURSE_ID)
                .doUpdate()
                .set(ANALYTICS_SETTING.CONSENT_REQUIRED, consentRequired)
                .set(ANALYTICS_SETTING.COUNSELLOR_URL, counsellorUrl)
                .set(ANALYTICS_SETTING.UPDATED_BY, changedBy)
                .set(ANALYTICS_SETTING.UPDATED_AT, at)
                .execute());
    }

    void requireConsent(long courseId, boolean required, long changedBy, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        Upserts.upsert(() -> db.insertInto(ANALYTICS_SETTING)
                .set(ANALYTICS_SETTING.COURSE_ID, courseId)
                .set(ANALYTICS_SETTING.CONSENT_REQUIRED, required)
                .set(ANALYTICS_SETTING.UPDATED_BY, changedBy)
                .set(ANALYTICS_SETTING.UPDATED_AT, at)
                .onConflict(ANALYTICS_SETTING.COURSE_ID)
                .doUpdate()
                .set(ANALYTICS_SETTING.CONSENT_REQUIRED, required)
                .set(ANALYTICS_SETTING.UPDATED_BY, changedBy)
                .set(ANALYTICS_SETTING.UPDATED_AT, at)
                .execute());
    }
}
