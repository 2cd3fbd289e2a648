package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.TIP_RESPONSE;

import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** How many students of a course found each tip helpful: a count per rule, never who. */
@Repository
class TipHelpfulness {

    private final DSLContext db;

    TipHelpfulness(DSLContext db) {
        this.db = db;
    }

    Map<String, Integer> byRule(long courseId) {
        return db.select(TIP_RESPONSE.RULE_KEY, DSL.count())
                .from(TIP_RESPONSE)
                .where(TIP_RESPONSE.COURSE_ID.eq(courseId))
                .and(TIP_RESPONSE.HELPFUL_AT.isNotNull())
                .groupBy(TIP_RESPONSE.RULE_KEY)
                .fetchMap(TIP_RESPONSE.RULE_KEY, r -> r.value2());
    }
}
