package nl.leerlog.tool.privacy.internal;

import static nl.leerlog.schema.Tables.PRIVACY_ERASURE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.leerlog.tool.identity.Owner;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Students' requests to erase their data of a course: pending until due, unless cancelled; erased once housekeeping
 * has done it. A student has at most one pending request per course.
 */
@Repository
class Erasures {

    private final DSLContext db;

    Erasures(DSLContext db) {
        this.db = db;
    }

    /** A request as the student's pages show it. */
    record Erasure(
            long id,
            OffsetDateTime requestedAt,
            OffsetDateTime dueAt,
            OffsetDateTime cancelledAt,
            OffsetDateTime erasedAt,
            long courseId,
            long userId) {

        boolean pending() {
            return cancelledAt == null && erasedAt == null;
        }
    }

    /** The owner's pending request, made now if there is none yet; asking twice changes nothing. */
    @Transactional
    Erasure request(Owner owner, Instant now, Instant due) {
        return pending(owner).orElseGet(() -> {
            db.insertInto(PRIVACY_ERASURE)
                    .set(PRIVACY_ERASURE.COURSE_ID, owner.courseId())
                    .set(PRIVACY_ERASURE.USER_ID, owner.userId())
                    .set(PRIVACY_ERASURE.REQUESTED_AT, utc(now))
                    .set(PRIVACY_ERASURE.DUE_AT, utc(due))
                    .execute();
            return pending(owner).orElseThrow();
        });
    }

    Optional<Erasure> pending(Owner owner) {
        return db.selectFrom(PRIVACY_ERASURE)
                .where(of(owner).and(isPending()))
                .orderBy(PRIVACY_ERASURE.ID.desc())
                .limit(1)
                .fetchOptional(Erasures::erasure);
    }

    /** Cancels the owner's pending request; false when there is none. */
    boolean cancel(Owner owner, Instant now) {
        return db.update(PRIVACY_ERASURE)
                        .set(PRIVACY_ERASURE.CANCELLED_AT, utc(now))
                        .where(of(owner).and(isPending()))
                        .execute()
                > 0;
    }

    /** Every request of the owner in the course, newest first: what the student's pages tell of them. */
    List<Erasure> history(Owner owner) {
        return db.selectFrom(PRIVACY_ERASURE)
                .where(of(owner))
                .orderBy(PRIVACY_ERASURE.REQUESTED_AT.desc(), PRIVACY_ERASURE.ID.desc())
                .fetch(Erasures::erasure);
    }

    /** The pending requests whose waiting period is over at {@code now}, oldest first. */
    List<Erasure> due(Instant now) {
        return db.selectFrom(PRIVACY_ERASURE)
                .where(isPending().and(PRIVACY_ERASURE.DUE_AT.le(utc(now))))
                .orderBy(PRIVACY_ERASURE.DUE_AT, PRIVACY_ERASURE.ID)
                .fetch(Erasures::erasure);
    }

    /** Records that the request was carried out, unless it was cancelled in the meantime; false then. */
    boolean markErased(long id, Instant now) {
        return db.update(PRIVACY_ERASURE)
                        .set(PRIVACY_ERASURE.ERASED_AT, utc(now))
                        .where(PRIVACY_ERASURE.ID.eq(id).and(isPending()))
                        .execute()
                > 0;
    }

    /** Still pending: a cancel that lands first wins over a run that read the request just before. */
    boolean stillPending(long id) {
        return db.fetchExists(PRIVACY_ERASURE, PRIVACY_ERASURE.ID.eq(id).and(isPending()));
    }

    private static Condition of(Owner owner) {
        return PRIVACY_ERASURE.COURSE_ID.eq(owner.courseId()).and(PRIVACY_ERASURE.USER_ID.eq(owner.userId()));
    }

    private static Condition isPending() {
        return PRIVACY_ERASURE.CANCELLED_AT.isNull().and(PRIVACY_ERASURE.ERASED_AT.isNull());
    }

    private static Erasure erasure(nl.leerlog.schema.tables.records.PrivacyErasureRecord row) {
        return new Erasure(
                row.getId(),
                row.getRequestedAt(),
                row.getDueAt(),
                row.getCancelledAt(),
                row.getErasedAt(),
                row.getCourseId(),
                row.getUserId());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
