package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.ANALYTICS_CONSENT;
import static nl.leerlog.schema.Tables.ANALYTICS_COURSE_OPTIN;
import static nl.leerlog.schema.Tables.CHART_SNAPSHOT;
import static nl.leerlog.schema.Tables.TIP_RESPONSE;
import static nl.leerlog.schema.Tables.WELLBEING_CHECKIN;

import nl.leerlog.tool.privacy.ErasableRecords;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A student's analytics of a course: their consents, answers to tips, wellbeing check-ins and saved charts.
 */
@Component
@Order(70)
record ErasedAnalytics(DSLContext db) implements ErasableRecords {

    @Override
    public String kind() {
        return "analytics";
    }

    @Override
    public int eraseStudent(long courseId, long userId) {
        return db.deleteFrom(ANALYTICS_CONSENT)
                        .where(ANALYTICS_CONSENT.COURSE_ID.eq(courseId), ANALYTICS_CONSENT.OWNER_ID.eq(userId))
                        .execute()
                + db.deleteFrom(ANALYTICS_COURSE_OPTIN)
                        .where(
                                ANALYTICS_COURSE_OPTIN.COURSE_ID.eq(courseId),
                                ANALYTICS_COURSE_OPTIN.OWNER_ID.eq(userId))
                        .execute()
                + db.deleteFrom(TIP_RESPONSE)
                        .where(TIP_RESPONSE.COURSE_ID.eq(courseId), TIP_RESPONSE.OWNER_ID.eq(userId))
                        .execute()
                + db.deleteFrom(WELLBEING_CHECKIN)
                        .where(WELLBEING_CHECKIN.COURSE_ID.eq(courseId), WELLBEING_CHECKIN.OWNER_ID.eq(userId))
                        .execute()
                + db.deleteFrom(CHART_SNAPSHOT)
                        .where(CHART_SNAPSHOT.COURSE_ID.eq(courseId), CHART_SNAPSHOT.OWNER_ID.eq(userId))
                        .execute();
    }
}
