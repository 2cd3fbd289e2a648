package nl.leerlog.tool.notifications.internal;

import static nl.leerlog.schema.Tables.NOTIFICATION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * What each person was notified of, per course: the in-app list with its unread count, and the notifications that
 * wait for a digest mail.
 */
@Repository
class Inbox {

    /** One notification as stored; {@code studentId} is whom it is about, for a teacher's digest. */
    record Entry(
            long id,
            long recipientId,
            long courseId,
            NotificationKind kind,
            Long studentId,
            Long otherPartyId,
            Long questionId,
            String path,
            OffsetDateTime createdAt,
            OffsetDateTime readAt) {

        boolean unread() {
            return readAt == null;
        }
    }

    private final DSLContext db;

    Inbox(DSLContext db) {
        this.db = db;
    }

    /** Records the notice; false when the same notice was recorded before (it notifies once). */
    boolean record(Notice notice, Long studentId, boolean digestPending, Instant now) {
        return db.insertInto(NOTIFICATION)
                        .set(NOTIFICATION.RECIPIENT_ID, notice.recipientId())
                        .set(NOTIFICATION.COURSE_ID, notice.courseId())
                        .set(NOTIFICATION.KIND, notice.kind().key())
                        .set(NOTIFICATION.OCCURRENCE, notice.occurrence())
                        .set(NOTIFICATION.STUDENT_ID, studentId)
                        .set(NOTIFICATION.OTHER_PARTY_ID, notice.otherPartyId())
                        .set(NOTIFICATION.QUESTION_ID, notice.questionId())
                        .set(NOTIFICATION.PATH, notice.path())
                        .set(NOTIFICATION.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                        .set(NOTIFICATION.DIGEST_PENDING, digestPending)
                        .onConflict(NOTIFICATION.OCCURRENCE, NOTIFICATION.KIND, NOTIFICATION.RECIPIENT_ID)
                        .doNothing()
                        .execute()
                == 1;
    }

    /** How many of the person's notifications in the course they have not opened. */
    int unread(long recipientId, long courseId) {
        return db.fetchCount(
                NOTIFICATION,
                NOTIFICATION.RECIPIENT_ID.eq(recipientId),
                NOTIFICATION.COURSE_ID.eq(courseId),
                NOTIFICATION.READ_AT.isNull());
    }

    /** The person's latest notifications in the course, newest first. */
    List<Entry> latest(long recipientId, long courseId, int limit) {
        return db.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.RECIPIENT_ID.eq(recipientId), NOTIFICATION.COURSE_ID.eq(courseId))
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                .limit(limit)
                .fetch(Inbox::entry);
    }

    /** One of the person's own notifications, marked read as it is opened; nothing for anyone else's. */
    java.util.Optional<Entry> open(long recipientId, long courseId, long id, Instant now) {
        db.update(NOTIFICATION)
                .set(NOTIFICATION.READ_AT, now.atOffset(ZoneOffset.UTC))
                .where(NOTIFICATION.ID.eq(id), NOTIFICATION.RECIPIENT_ID.eq(recipientId))
                .and(NOTIFICATION.COURSE_ID.eq(courseId))
                .and(NOTIFICATION.READ_AT.isNull())
                .execute();
        return db.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.ID.eq(id), NOTIFICATION.RECIPIENT_ID.eq(recipientId))
                .and(NOTIFICATION.COURSE_ID.eq(courseId))
                .fetchOptional(Inbox::entry);
    }

    /** Every notification that waits for a digest, by receiver and course, oldest first. */
    List<Entry> pendingDigest(int limit) {
        return db.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.DIGEST_PENDING.isTrue())
                .orderBy(NOTIFICATION.RECIPIENT_ID, NOTIFICATION.COURSE_ID, NOTIFICATION.CREATED_AT, NOTIFICATION.ID)
                .limit(limit)
                .fetch(Inbox::entry);
    }

    /** The notifications are in a digest now (or will not be mailed at all). */
    void digested(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        db.update(NOTIFICATION)
                .set(NOTIFICATION.DIGEST_PENDING, false)
                .where(NOTIFICATION.ID.in(ids))
                .execute();
    }

    private static Entry entry(nl.leerlog.schema.tables.records.NotificationRecord r) {
        return new Entry(
                r.getId(),
                r.getRecipientId(),
                r.getCourseId(),
                NotificationKind.ofKey(r.getKind()),
                r.getStudentId(),
                r.getOtherPartyId(),
                r.getQuestionId(),
                r.getPath(),
                r.getCreatedAt(),
                r.getReadAt());
    }
}
