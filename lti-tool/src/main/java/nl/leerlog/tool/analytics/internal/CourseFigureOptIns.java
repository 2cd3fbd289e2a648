package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.ANALYTICS_COURSE_OPTIN;

import java.time.Instant;
import java.time.ZoneOffset;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
import nl.leerlog.tool.system.Upserts;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * A student's opt-in to being counted in the course's figures, in a course that asks consent for analytics beyond the
 * student's own view (GDPR art. 6(1)(a); art. 7(3): as easy to withdraw as to give).
 */
@Repository
@PrivateRecords
public class CourseFigureOptIns {

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
        var at = now.atOffset(ZoneOffset.UTC);
        Upserts.upsert(() -> db.insertInto(ANALYTICS_COURSE_OPTIN)
                .set(ANALYTICS_COURSE_OPTIN.COURSE_ID, owner.courseId())
                .set(ANALYTICS_COURSE_OPTIN.OWNER_ID, owner.userId())
                .set(ANALYTICS_COURSE_OPTIN.GIVEN_AT, at)
                .onConflict(ANALYTICS_COURSE_OPTIN.COURSE_ID, ANALYTICS_COURSE_OPTIN.OWNER_ID)
                .doUpdate()
                .set(ANALYTICS_COURSE_OPTIN.GIVEN_AT, at)
                .setNull(ANALYTICS_COURSE_OPTIN.WITHDRAWN_AT)
                .execute());
    }

    /** Withdraws the opt-in; false when none stood. */
    public boolean withdraw(Owner owner, Instant now) {
        return db.update(ANALYTICS_COURSE_OPTIN)
                        .set(ANALYTICS_COURSE_OPTIN.WITHDRAWN_AT, now.atOffset(ZoneOffset.UTC))
                        .where(owner.owns(ANALYTICS_COURSE_OPTIN))
                        .and(ANALYTICS_COURSE_OPTIN.WITHDRAWN_AT.isNull())
                        .execute()
                == 1;
    }
}
