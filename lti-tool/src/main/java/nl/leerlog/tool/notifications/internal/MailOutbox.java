package nl.leerlog.tool.notifications.internal;

import static nl.leerlog.schema.Tables.MAIL_OUTBOX;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox of notification mails. A mail is written in the transaction of the change that causes it
 * and claimed later by one sender: the claim locks its rows with {@code FOR UPDATE SKIP LOCKED}, so senders on
 * several instances take different mails and none waits for another.
 */
@Repository
class MailOutbox {

    enum Status {
        QUEUED,
        SENDING,
        SENT,
        FAILED
    }

    /** A claimed mail, ready to send. */
    record Claimed(
            long id,
            String messageId,
            String to,
            String subject,
            String text,
            String html,
            String unsubscribeUrl,
            int attempts,
            OffsetDateTime claimedAt,
            String calendarMethod,
            String calendar) {}

    /** What an operator sees of a mail: metadata, never its content. */
    record Entry(
            long id,
            String kind,
            Status status,
            int attempts,
            OffsetDateTime createdAt,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime sentAt,
            String lastError) {}

    private final DSLContext db;

    MailOutbox(DSLContext db) {
        this.db = db;
    }

    /** Queues the mail unless one with its key is already there; true when this call queued it. */
    boolean enqueue(OutgoingMail mail, String messageDomain, Instant now) {
        OffsetDateTime at = at(now);
        return db.insertInto(MAIL_OUTBOX)
                        .set(MAIL_OUTBOX.IDEMPOTENCY_KEY, mail.idempotencyKey())
                        // RFC 5322 §3.6.4: unique, and the same for every try of this mail.
                        .set(MAIL_OUTBOX.MESSAGE_ID, "<" + UUID.randomUUID() + "@" + messageDomain + ">")
                        .set(MAIL_OUTBOX.RECIPIENT_ID, mail.recipientId())
                        .set(MAIL_OUTBOX.COURSE_ID, mail.courseId())
                        .set(MAIL_OUTBOX.KIND, mail.kind())
                        .set(MAIL_OUTBOX.TO_ADDRESS, mail.to())
                        .set(MAIL_OUTBOX.SUBJECT, mail.subject())
                        .set(MAIL_OUTBOX.TEXT_BODY, mail.text())
                        .set(MAIL_OUTBOX.HTML_BODY, mail.html())
                        .set(MAIL_OUTBOX.UNSUBSCRIBE_URL, mail.unsubscribeUrl())
                        .set(
                                MAIL_OUTBOX.CALENDAR_METHOD,
                                mail.calendar() == null ? null : mail.calendar().method())
                        .set(
                                MAIL_OUTBOX.CALENDAR,
                                mail.calendar() == null ? null : mail.calendar().content())
                        .set(MAIL_OUTBOX.STATUS, Status.QUEUED.name())
                        .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, at)
                        .set(MAIL_OUTBOX.CREATED_AT, at)
                        .onConflict(MAIL_OUTBOX.IDEMPOTENCY_KEY)
                        .doNothing()
                        .execute()
                == 1;
    }

    /**
     * Claims up to {@code limit} mails that are due: queued ones whose next try has come, and ones claimed before
     * {@code staleBefore} whose sender never marked them (it died after or while sending). Rows another sender holds
     * locked right now are skipped, not waited for.
     */
    @Transactional
    List<Claimed> claim(int limit, Instant staleBefore, Instant now) {
        OffsetDateTime at = at(now);
        List<Long> ids = db.select(MAIL_OUTBOX.ID)
                .from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.STATUS.eq(Status.QUEUED.name()).and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(at)))
                .or(MAIL_OUTBOX.STATUS.eq(Status.SENDING.name()).and(MAIL_OUTBOX.CLAIMED_AT.lt(at(staleBefore))))
                .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.ID)
                .limit(limit)
                .forUpdate()
                .skipLocked()
                .fetch(MAIL_OUTBOX.ID);
        if (ids.isEmpty()) {
            return List.of();
        }
        db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATUS, Status.SENDING.name())
                .set(MAIL_OUTBOX.CLAIMED_AT, at)
                .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1))
                .where(MAIL_OUTBOX.ID.in(ids))
                .execute();
        return db.selectFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.ID.in(ids))
                .orderBy(MAIL_OUTBOX.ID)
                .fetch(r -> new Claimed(
                        r.getId(),
                        r.getMessageId(),
                        r.getToAddress(),
                        r.getSubject(),
                        r.getTextBody(),
                        r.getHtmlBody(),
                        r.getUnsubscribeUrl(),
                        r.getAttempts(),
                        r.getClaimedAt(),
                        r.getCalendarMethod(),
                        r.getCalendar()));
    }

    /** Marks a mail sent, if this sender's claim still holds it; false when another sender took it over. */
    boolean sent(Claimed mail, Instant now) {
        return db.update(MAIL_OUTBOX)
                        .set(MAIL_OUTBOX.STATUS, Status.SENT.name())
                        .set(MAIL_OUTBOX.SENT_AT, at(now))
                        .set(MAIL_OUTBOX.LAST_ERROR, (String) null)
                        .where(MAIL_OUTBOX.ID.eq(mail.id()))
                        .and(MAIL_OUTBOX.STATUS.eq(Status.SENDING.name()))
                        .and(MAIL_OUTBOX.CLAIMED_AT.eq(mail.claimedAt()))
                        .execute()
                == 1;
    }

    /** A try that failed: the mail waits until {@code retryAt}, or is failed for good when {@code retryAt} is null. */
    void notSent(Claimed mail, String error, Instant retryAt) {
        db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATUS, retryAt == null ? Status.FAILED.name() : Status.QUEUED.name())
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, retryAt == null ? mail.claimedAt() : at(retryAt))
                .set(MAIL_OUTBOX.LAST_ERROR, error == null ? null : error.substring(0, Math.min(error.length(), 1000)))
                .where(MAIL_OUTBOX.ID.eq(mail.id()))
                .and(MAIL_OUTBOX.STATUS.eq(Status.SENDING.name()))
                .and(MAIL_OUTBOX.CLAIMED_AT.eq(mail.claimedAt()))
                .execute();
    }

    /** An operator sends a failed mail again: it is queued now with its tries counted from zero. */
    boolean retry(long id, Instant now) {
        return db.update(MAIL_OUTBOX)
                        .set(MAIL_OUTBOX.STATUS, Status.QUEUED.name())
                        .set(MAIL_OUTBOX.ATTEMPTS, 0)
                        .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, at(now))
                        .where(MAIL_OUTBOX.ID.eq(id))
                        .and(MAIL_OUTBOX.STATUS.eq(Status.FAILED.name()))
                        .execute()
                == 1;
    }

    /** How many mails are in each status (every status, 0 where none). */
    Map<Status, Integer> countByStatus() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        db.select(MAIL_OUTBOX.STATUS, org.jooq.impl.DSL.count())
                .from(MAIL_OUTBOX)
                .groupBy(MAIL_OUTBOX.STATUS)
                .forEach(r -> counts.put(Status.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /** The latest mails in one status, newest first, without their content. */
    List<Entry> latest(Status status, int limit) {
        return metadata()
                .where(MAIL_OUTBOX.STATUS.eq(status.name()))
                .orderBy(MAIL_OUTBOX.ID.desc())
                .limit(limit)
                .fetch(MailOutbox::entry);
    }

    /** One mail without its content. */
    java.util.Optional<Entry> entry(long id) {
        return metadata().where(MAIL_OUTBOX.ID.eq(id)).fetchOptional(MailOutbox::entry);
    }

    private org.jooq.SelectJoinStep<
                    org.jooq.Record8<
                            Long, String, String, Integer, OffsetDateTime, OffsetDateTime, OffsetDateTime, String>>
            metadata() {
        return db.select(
                        MAIL_OUTBOX.ID,
                        MAIL_OUTBOX.KIND,
                        MAIL_OUTBOX.STATUS,
                        MAIL_OUTBOX.ATTEMPTS,
                        MAIL_OUTBOX.CREATED_AT,
                        MAIL_OUTBOX.NEXT_ATTEMPT_AT,
                        MAIL_OUTBOX.SENT_AT,
                        MAIL_OUTBOX.LAST_ERROR)
                .from(MAIL_OUTBOX);
    }

    private static Entry entry(
            org.jooq.Record8<Long, String, String, Integer, OffsetDateTime, OffsetDateTime, OffsetDateTime, String> r) {
        return new Entry(
                r.value1(),
                r.value2(),
                Status.valueOf(r.value3()),
                r.value4(),
                r.value5(),
                r.value6(),
                r.value7(),
                r.value8());
    }

    /** A whole mail, for the demo LMS's mailbox only. */
    record Whole(String to, String subject, String text, Status status, OffsetDateTime createdAt) {}

    /** The newest mails with their content, for the demo mailbox (never the admin console). */
    List<Whole> newest(int limit) {
        return db.select(
                        MAIL_OUTBOX.TO_ADDRESS,
                        MAIL_OUTBOX.SUBJECT,
                        MAIL_OUTBOX.TEXT_BODY,
                        MAIL_OUTBOX.STATUS,
                        MAIL_OUTBOX.CREATED_AT)
                .from(MAIL_OUTBOX)
                .orderBy(MAIL_OUTBOX.ID.desc())
                .limit(limit)
                .fetch(r -> new Whole(r.value1(), r.value2(), r.value3(), Status.valueOf(r.value4()), r.value5()));
    }

    /** Sent mails older than {@code sentBefore} leave the outbox; returns how many. */
    int purgeSent(Instant sentBefore) {
        return db.deleteFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.STATUS.eq(Status.SENT.name()))
                .and(MAIL_OUTBOX.SENT_AT.lt(at(sentBefore)))
                .execute();
    }

    private static OffsetDateTime at(Instant now) {
        return now.atOffset(ZoneOffset.UTC);
    }
}
