package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.ANALYTICS_COURSE_OPTIN;

import java.time.Instant;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * A student's opt-in to being counted in the course's figures, in a course that asks consent for analytics beyond the
 * student's own view (GDPR art. 6(1)(a); art. 7(3): as easy to withdraw as to give).
 */
@Repository
@PrivateRecords
public class CourseFigureOptIns {

    private static final ConsentRows<?> ROWS = new ConsentRows<>(
            ANALYTICS_COURSE_OPTIN,
            ANALYTICS_COURSE_OPTIN.COURSE_ID,
            ANALYTICS_COURSE_OPTIN.OWNER_ID,
            ANALYTICS_COURSE_OPTIN.GIVEN_AT,
            ANALYTICS_COURSE_OPTIN.WITHDRAWN_AT);

    private final DSLContext db;

    CourseFigureOptIns(DSLContext db) {
        this.db = db;
    }

    /** Whether the student's opt-in stands now. */
    public boolean optedIn(Owner owner) {
        return db.fetchExists(db.selectOne()
                .from(ANALYTICS_COURSE_OPTIN)
                .where(owner.owns(ANALYTICS_COURSE_OPTIN))
                .and(ANALYTICS_COURSE_OPTIN.WITHDRAWN_AT.isNull()));
    }

    public void optIn(Owner owner, Instant now) {
        ROWS.give(db, owner, now);
    }

    /** Withdraws it; false when none stood. */
    public boolean withdraw(Owner owner, Instant now) {
        return ROWS.withdraw(db, owner, now);
    }
}
