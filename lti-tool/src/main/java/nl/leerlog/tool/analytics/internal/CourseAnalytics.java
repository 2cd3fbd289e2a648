package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.ANALYTICS_CONSENT;
import static nl.leerlog.schema.Tables.ANALYTICS_COURSE_OPTIN;
import static nl.leerlog.schema.Tables.TIP_RESPONSE;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * What the analytics tables say about a course as a whole, for its coordinators: counts and sets of ids to count
 * over, never a row of one student.
 */
@Repository
class CourseAnalytics {

    private final DSLContext db;

    CourseAnalytics(DSLContext db) {
        this.db = db;
    }

    /** The students of the course whose consent to their own analytics stands. */
    Set<Long> consented(long courseId) {
        return new HashSet<>(db.select(ANALYTICS_CONSENT.OWNER_ID)
                .from(ANALYTICS_CONSENT)
                .where(ANALYTICS_CONSENT.COURSE_ID.eq(courseId))
                .and(ANALYTICS_CONSENT.WITHDRAWN_AT.isNull())
                .fetch(ANALYTICS_CONSENT.OWNER_ID));
    }

    /** The students of the course whose opt-in to being counted in the course's figures stands. */
    Set<Long> optedIn(long courseId) {
        return new HashSet<>(db.select(ANALYTICS_COURSE_OPTIN.OWNER_ID)
                .from(ANALYTICS_COURSE_OPTIN)
                .where(ANALYTICS_COURSE_OPTIN.COURSE_ID.eq(courseId))
                .and(ANALYTICS_COURSE_OPTIN.WITHDRAWN_AT.isNull())
                .fetch(ANALYTICS_COURSE_OPTIN.OWNER_ID));
    }

    /** Per rule key, how many students marked its tip helpful; keys nobody marked are absent. */
    Map<String, Integer> helpfulByRule(long courseId) {
        var count = DSL.count();
        return db.select(TIP_RESPONSE.RULE_KEY, count)
                .from(TIP_RESPONSE)
                .where(TIP_RESPONSE.COURSE_ID.eq(courseId))
                .and(TIP_RESPONSE.HELPFUL_AT.isNotNull())
                .groupBy(TIP_RESPONSE.RULE_KEY)
                .fetchMap(TIP_RESPONSE.RULE_KEY, count);
    }
}
