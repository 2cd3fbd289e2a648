package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.ANALYTICS_CONSENT;

import java.time.Instant;
import java.time.ZoneOffset;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
import nl.leerlog.tool.system.Upserts;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** A student's consent to their own analytics, in a course that asks for it (GDPR art. 7(3): as easy to withdraw). */
@Repository
@PrivateRecords
public class AnalyticsConsents {

    /** Where the student stands: never asked, consented, or withdrawn (then the page does not ask again). */
    public enum Answer {
        NONE,
        GIVEN,
        WITHDRAWN
    }

    private final DSLContext db;

    AnalyticsConsents(DSLContext db) {
        this.db = db;
    }

    public Answer answer(Owner owner) {
        return db.select(ANALYTICS_CONSENT.WITHDRAWN_AT)
                .from(ANALYTICS_CONSENT)
                .where(owner.owns(ANALYTICS_CONSENT))
                .fetchOptional()
                .map(row -> row.value1() == null ? Answer.GIVEN : Answer.WITHDRAWN)
                .orElse(Answer.NONE);
    }

    public void give(Owner owner, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        Upserts.upsert(() -> db.insertInto(ANALYTICS_CONSENT)
                .set(ANALYTICS_CONSENT.COURSE_ID, owner.courseId())
                .set(ANALYTICS_CONSENT.OWNER_ID, owner.userId())
                .set(ANALYTICS_CONSENT.GIVEN_AT, at)
                .onConflict(ANALYTICS_CONSENT.COURSE_ID, ANALYTICS_CONSENT.OWNER_ID)
                .doUpdate()
                .set(ANALYTICS_CONSENT.GIVEN_AT, at)
                .setNull(ANALYTICS_CONSENT.WITHDRAWN_AT)
                .execute());
    }

    /** Withdraws a consent given; false when there was none to withdraw. */
    public boolean withdraw(Owner owner, Instant now) {
        return db.update(ANALYTICS_CONSENT)
                        .set(ANALYTICS_CONSENT.WITHDRAWN_AT, now.atOffset(ZoneOffset.UTC))
                        .where(owner.owns(ANALYTICS_CONSENT))
                        .and(ANALYTICS_CONSENT.WITHDRAWN_AT.isNull())
                        .execute()
                == 1;
    }
}
