package nl.leerlog.tool.admin.internal.audit;

import static nl.leerlog.schema.Tables.ADMIN_AUDIT;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.leerlog.tool.system.DatabaseText;
import org.jooq.DSLContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;

/** Who changed what in the admin console, and when; written in the same transaction as the change. */
@Repository
public record AdminAudit(DSLContext db, Clock clock) {

    /** One change: its action (a key of {@code admin.audit.action.*}), what it changed and how. */
    public record AuditEntry(long id, Instant at, String actor, AuditAction action, String target, String details) {}

    /** Records a change by the admin of the current request. */
    public void record(AuditAction action, String target, String details) {
        db.insertInto(ADMIN_AUDIT)
                .set(ADMIN_AUDIT.OCCURRED_AT, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .set(ADMIN_AUDIT.ACTOR, DatabaseText.fit(currentAdmin(), 320))
                .set(ADMIN_AUDIT.ACTION, action.name())
                .set(ADMIN_AUDIT.TARGET, DatabaseText.fit(target, 700))
                .set(ADMIN_AUDIT.DETAILS, DatabaseText.fit(details, 4000))
                .execute();
    }

    /** The newest changes first. */
    public List<AuditEntry> newest(int limit) {
        return db.selectFrom(ADMIN_AUDIT)
                .orderBy(ADMIN_AUDIT.OCCURRED_AT.desc(), ADMIN_AUDIT.ID.desc())
                .limit(limit)
                .fetch(row -> new AuditEntry(
                        row.getId(),
                        row.getOccurredAt().toInstant(),
                        row.getActor(),
                        AuditAction.valueOf(row.getAction()),
                        row.getTarget(),
                        row.getDetails()));
    }

    private static String currentAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getName() == null) {
            throw new IllegalStateException("An audited change needs a logged-in admin");
        }
        return authentication.getName();
    }
}
