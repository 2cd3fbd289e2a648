package nl.leerlog.tool.supervisor.internal;

import static nl.leerlog.schema.Tables.SUPERVISOR_LINK;

import java.time.OffsetDateTime;
import nl.leerlog.tool.privacy.ForgettableRecords;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Links that ended, by revocation or expiry, longer ago than the undo period: they go with their copied items. Until
 * then the student's "who looked" still names the reads, which stay in the read audit after the link is gone.
 */
@Component
record ClosedLinks(DSLContext db) implements ForgettableRecords {

    @Override
    public String kind() {
        return "supervisor links";
    }

    @Override
    public int forgetDeletedBefore(OffsetDateTime cutoff) {
        return db.deleteFrom(SUPERVISOR_LINK)
                .where(SUPERVISOR_LINK.REVOKED_AT.lt(cutoff))
                .or(SUPERVISOR_LINK.EXPIRES_AT.lt(cutoff))
                .execute();
    }
}
