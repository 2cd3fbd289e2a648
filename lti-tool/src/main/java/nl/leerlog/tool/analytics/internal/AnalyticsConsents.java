package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.ANALYTICS_CONSENT;

import java.time.Instant;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
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

    private static final ConsentRows<?> ROWS = new ConsentRows<>(
            ANALYTICS_CONSENT,
            ANALYTICS_CONSENT.COURSE_ID,
            ANALYTICS_CONSENT.OWNER_ID,
            ANALYTICS_CONSENT.GIVEN_AT,
            ANALYTICS_CONSENT.WITHDRAWN_AT);

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
        ROWS.give(db, owner, now);
    }

    /** Withdraws it; false when none stood. */
    public boolean withdraw(Owner owner, Instant now) {
        return ROWS.withdraw(db, owner, now);
    }
}
