package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.TIP_RESPONSE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
import nl.leerlog.tool.system.Upserts;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** What a student did with their tips: dismissed (away for the rule's cooldown) or found helpful. */
@Repository
@PrivateRecords
public class TipResponses {

    /** The student's response to one rule's tip; either moment may be absent. */
    public record Response(OffsetDateTime dismissedAt, OffsetDateTime helpfulAt) {}

    private final DSLContext db;

    TipResponses(DSLContext db) {
        this.db = db;
    }

    public Map<String, Response> of(Owner owner) {
        return db.select(TIP_RESPONSE.RULE_KEY, TIP_RESPONSE.DISMISSED_AT, TIP_RESPONSE.HELPFUL_AT)
                .from(TIP_RESPONSE)
                .where(owner.owns(TIP_RESPONSE))
                .fetchMap(TIP_RESPONSE.RULE_KEY, r -> new Response(r.value2(), r.value3()));
    }

    public void dismiss(Owner owner, String ruleKey, Instant now) {
        mark(owner, ruleKey, TIP_RESPONSE.DISMISSED_AT, now);
    }

    public void markHelpful(Owner owner, String ruleKey, Instant now) {
        mark(owner, ruleKey, TIP_RESPONSE.HELPFUL_AT, now);
    }

    private void mark(Owner owner, String ruleKey, Field<OffsetDateTime> column, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Upserts.upsert(() -> db.insertInto(TIP_RESPONSE)
                .set(TIP_RESPONSE.COURSE_ID, owner.courseId())
                .set(TIP_RESPONSE.OWNER_ID, owner.userId())
                .set(TIP_RESPONSE.RULE_KEY, ruleKey)
                .set(column, at)
                .onConflict(TIP_RESPONSE.COURSE_ID, TIP_RESPONSE.OWNER_ID, TIP_RESPONSE.RULE_KEY)
                .doUpdate()
                .set(column, at)
                .execute());
    }
}
