package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.ANALYTICS_CONSENT;
import static nl.leerlog.schema.Tables.ANALYTICS_COURSE_OPTIN;
import static nl.leerlog.schema.Tables.CHART_SNAPSHOT;
import static nl.leerlog.schema.Tables.TIP_RESPONSE;
import static nl.leerlog.schema.Tables.WELLBEING_CHECKIN;

import nl.leerlog.tool.privacy.StudentRows;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A student's analytics of a course: their consents, answers to tips, wellbeing check-ins and saved charts.
 */
@Component
@Order(70)
class ErasedAnalytics extends StudentRows {

    ErasedAnalytics(DSLContext db) {
        super(
                db,
                "analytics",
                new Rows(ANALYTICS_CONSENT, ANALYTICS_CONSENT.COURSE_ID, ANALYTICS_CONSENT.OWNER_ID),
                new Rows(ANALYTICS_COURSE_OPTIN, ANALYTICS_COURSE_OPTIN.COURSE_ID, ANALYTICS_COURSE_OPTIN.OWNER_ID),
                new Rows(TIP_RESPONSE, TIP_RESPONSE.COURSE_ID, TIP_RESPONSE.OWNER_ID),
                new Rows(WELLBEING_CHECKIN, WELLBEING_CHECKIN.COURSE_ID, WELLBEING_CHECKIN.OWNER_ID),
                new Rows(CHART_SNAPSHOT, CHART_SNAPSHOT.COURSE_ID, CHART_SNAPSHOT.OWNER_ID));
    }
}
