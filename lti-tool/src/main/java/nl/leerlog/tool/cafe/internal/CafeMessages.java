package nl.leerlog.tool.cafe.internal;

import static nl.leerlog.schema.Tables.CAFE_CHANNEL;
import static nl.leerlog.schema.Tables.CAFE_MESSAGE;
import static nl.leerlog.schema.Tables.CAFE_REPORT;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.tool.cafe.internal.CafeAttachments.Attachment;
import nl.leerlog.tool.cafe.internal.CafeChannels.Channel;
import nl.leerlog.tool.learninglog.UploadChecks;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages of a channel and every change to them. Each change locks the channel's row and takes its next
 * change number, so changes commit in the order of their numbers and a reader who saw change N misses nothing by
 * asking for what changed after N. After commit the live readers of the channel hear of the new number.
 */
@Repository
@Transactional
class CafeMessages {

    /** How long the writer may still correct a message. */
    static final Duration EDITABLE_FOR = Duration.ofMinutes(5);

    /** The most changes one catch-up answers; a reader further behind asks again from where this one ends. */
    static final int PAGE = 200;

    private final DSLContext db;
    private final CafeSignals signals;
    private final CafeAttachments attachments;

    CafeMessages(DSLContext db, CafeSignals signals, CafeAttachments attachments) {
        this.db = db;
        this.signals = signals;
        this.attachments = attachments;
    }

    /** A message as readers see it: a deleted one has no body; a hidden one keeps its body for the coach only. */
    record Message(
            long id,
            Long authorId,
            String body,
            Instant postedAt,
            Instant editedAt,
            boolean deleted,
            boolean hidden,
            String hiddenNote,
            long change,
            List<Attachment> files) {

        public boolean editableAt(Instant now) {
            return !deleted && !hidden && now.isBefore(postedAt.plus(EDITABLE_FOR));
        }

        Message withFiles(List<Attachment> attached) {
            return new Message(
                    id, authorId, body, postedAt, editedAt, deleted, hidden, hiddenNote, change, List.copyOf(attached));
        }
    }

    /** Why a change to a message was refused; the page says so and the message stays as it was. */
    enum Refusal {
        NOT_FOUND,
        NOT_YOURS,
        TOO_LATE
    }

    long post(Channel channel, long authorId, String body, Instant now) {
        return post(channel, authorId, body, List.of(), now);
    }

    /** A new message with the files that passed the upload checks. */
    long post(Channel channel, long authorId, String body, List<UploadChecks.Accepted> files, Instant now) {
        long change = nextChange(channel.id());
        long id = db.insertInto(CAFE_MESSAGE)
                .set(CAFE_MESSAGE.CHANNEL_ID, channel.id())
                .set(CAFE_MESSAGE.AUTHOR_ID, authorId)
                .set(CAFE_MESSAGE.BODY, body)
                .set(CAFE_MESSAGE.POSTED_AT, at(now))
                .set(CAFE_MESSAGE.POSTED_NO, change)
                .set(CAFE_MESSAGE.CHANGE_NO, change)
                .returning(CAFE_MESSAGE.ID)
                .fetchOne(CAFE_MESSAGE.ID);
        attachments.add(id, files);
        signals.changed(channel.id(), change);
        return id;
    }

    /** The writer corrects their message, within {@link #EDITABLE_FOR} of posting it. */
    Optional<Refusal> edit(Channel channel, long messageId, long writerId, String body, Instant now) {
        Optional<Message> message = find(channel, messageId);
        if (message.isEmpty() || message.get().deleted()) {
            return Optional.of(Refusal.NOT_FOUND);
        }
        if (!Long.valueOf(writerId).equals(message.get().authorId())) {
            return Optional.of(Refusal.NOT_YOURS);
        }
        if (!message.get().editableAt(now)) {
            return Optional.of(Refusal.TOO_LATE);
        }
        change(channel, messageId, CAFE_MESSAGE.BODY, body, CAFE_MESSAGE.EDITED_AT, now);
        return Optional.empty();
    }

    /** The writer deletes their message: its text is gone for good, a line says a message was deleted. */
    Optional<Refusal> delete(Channel channel, long messageId, long writerId, Instant now) {
        Optional<Message> message = find(channel, messageId);
        if (message.isEmpty() || message.get().deleted()) {
            return Optional.of(Refusal.NOT_FOUND);
        }
        if (!Long.valueOf(writerId).equals(message.get().authorId())) {
            return Optional.of(Refusal.NOT_YOURS);
        }
        attachments.forget(messageId);
        change(channel, messageId, CAFE_MESSAGE.BODY, null, CAFE_MESSAGE.DELETED_AT, now);
        return Optional.empty();
    }

    /** The coach hides a message from the members, with a note they see instead; the coach still reads it. */
    Optional<Refusal> hide(Channel channel, long messageId, String note, Instant now) {
        Optional<Message> message = find(channel, messageId);
        if (message.isEmpty() || message.get().deleted()) {
            return Optional.of(Refusal.NOT_FOUND);
        }
        change(channel, messageId, CAFE_MESSAGE.HIDDEN_NOTE, note, CAFE_MESSAGE.HIDDEN_AT, now);
        return Optional.empty();
    }

    /** A member reports a message to the group's coach. */
    Optional<Refusal> report(Channel channel, long messageId, long reporterId, String reason, Instant now) {
        Optional<Message> message = find(channel, messageId);
        if (message.isEmpty() || message.get().deleted()) {
            return Optional.of(Refusal.NOT_FOUND);
        }
        db.insertInto(CAFE_REPORT)
                .set(CAFE_REPORT.MESSAGE_ID, messageId)
                .set(CAFE_REPORT.REPORTER_ID, reporterId)
                .set(CAFE_REPORT.REASON, reason)
                .set(CAFE_REPORT.REPORTED_AT, at(now))
                .execute();
        return Optional.empty();
    }

    /** An open report, as the coach's view lists it. */
    record Report(long id, long channelId, long messageId, Long reporterId, String reason, Instant reportedAt) {}

    /** What the coach sees of a group's last days: messages written, and when each writer last wrote. */
    record Activity(int messages, Map<Long, Instant> lastWritten) {}

    /** The group's café activity since {@code since}: from its own channels only, never from a learning log. */
    Activity activity(long groupId, Instant since) {
        var channels = DSL.select(CAFE_CHANNEL.ID).from(CAFE_CHANNEL).where(CAFE_CHANNEL.GROUP_ID.eq(groupId));
        int messages = db.fetchCount(
                CAFE_MESSAGE, CAFE_MESSAGE.CHANNEL_ID.in(channels).and(CAFE_MESSAGE.POSTED_AT.ge(at(since))));
        Map<Long, Instant> last = new HashMap<>();
        db.select(CAFE_MESSAGE.AUTHOR_ID, DSL.max(CAFE_MESSAGE.POSTED_AT))
                .from(CAFE_MESSAGE)
                .where(CAFE_MESSAGE.CHANNEL_ID.in(channels), CAFE_MESSAGE.AUTHOR_ID.isNotNull())
                .groupBy(CAFE_MESSAGE.AUTHOR_ID)
                .forEach(r -> last.put(r.value1(), r.value2().toInstant()));
        return new Activity(messages, last);
    }

    /** The reports of the group's messages that the coach has not handled yet, newest first. */
    List<Report> openReports(long groupId) {
        return db.select(
                        CAFE_REPORT.ID,
                        CAFE_MESSAGE.CHANNEL_ID,
                        CAFE_MESSAGE.ID,
                        CAFE_REPORT.REPORTER_ID,
                        CAFE_REPORT.REASON,
                        CAFE_REPORT.REPORTED_AT)
                .from(CAFE_REPORT)
                .join(CAFE_MESSAGE)
                .on(CAFE_MESSAGE.ID.eq(CAFE_REPORT.MESSAGE_ID))
                .join(CAFE_CHANNEL)
                .on(CAFE_CHANNEL.ID.eq(CAFE_MESSAGE.CHANNEL_ID))
                .where(CAFE_CHANNEL.GROUP_ID.eq(groupId), CAFE_REPORT.HANDLED_AT.isNull())
                .orderBy(CAFE_REPORT.REPORTED_AT.desc())
                .fetch(r -> new Report(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6().toInstant()));
    }

    /** The coach marks a report of one of their group's messages handled; nothing when it is not theirs. */
    boolean handle(long groupId, long reportId, Instant now) {
        return db.update(CAFE_REPORT)
                        .set(CAFE_REPORT.HANDLED_AT, at(now))
                        .where(CAFE_REPORT.ID.eq(reportId), CAFE_REPORT.HANDLED_AT.isNull())
                        .and(CAFE_REPORT.MESSAGE_ID.in(DSL.select(CAFE_MESSAGE.ID)
                                .from(CAFE_MESSAGE)
                                .join(CAFE_CHANNEL)
                                .on(CAFE_CHANNEL.ID.eq(CAFE_MESSAGE.CHANNEL_ID))
                                .where(CAFE_CHANNEL.GROUP_ID.eq(groupId))))
                        .execute()
                == 1;
    }

    /** The channel's latest messages in order, for the page as it opens. */
    List<Message> latest(long channelId, int count) {
        return withFiles(db.select()
                .from(CAFE_MESSAGE)
                .where(CAFE_MESSAGE.CHANNEL_ID.eq(channelId))
                .orderBy(CAFE_MESSAGE.POSTED_NO.desc())
                .limit(count)
                .fetch(CafeMessages::message)
                .reversed());
    }

    /** What changed in the channel after change {@code after}, oldest change first, at most {@link #PAGE}. */
    List<Message> changedAfter(long channelId, long after) {
        return withFiles(db.select()
                .from(CAFE_MESSAGE)
                .where(CAFE_MESSAGE.CHANNEL_ID.eq(channelId), CAFE_MESSAGE.CHANGE_NO.gt(after))
                .orderBy(CAFE_MESSAGE.CHANGE_NO)
                .limit(PAGE)
                .fetch(CafeMessages::message));
    }

    /** The messages with the files each lists; a deleted message has none. */
    private List<Message> withFiles(List<Message> shown) {
        Map<Long, List<Attachment>> files =
                attachments.of(shown.stream().map(Message::id).toList());
        return files.isEmpty()
                ? shown
                : shown.stream()
                        .map(m -> m.withFiles(files.getOrDefault(m.id(), List.of())))
                        .toList();
    }

    Optional<Message> find(Channel channel, long messageId) {
        return db.select()
                .from(CAFE_MESSAGE)
                .where(CAFE_MESSAGE.ID.eq(messageId), CAFE_MESSAGE.CHANNEL_ID.eq(channel.id()))
                .fetchOptional(CafeMessages::message);
    }

    private <T> void change(
            Channel channel, long messageId, Field<T> field, T value, Field<OffsetDateTime> stamp, Instant now) {
        long change = nextChange(channel.id());
        db.update(CAFE_MESSAGE)
                .set(field, value)
                .set(stamp, at(now))
                .set(CAFE_MESSAGE.CHANGE_NO, change)
                .where(CAFE_MESSAGE.ID.eq(messageId))
                .execute();
        signals.changed(channel.id(), change);
    }

    /** Locks the channel's row until commit and takes its next change number. */
    private long nextChange(long channelId) {
        long last = db.select(CAFE_CHANNEL.LAST_CHANGE)
                .from(CAFE_CHANNEL)
                .where(CAFE_CHANNEL.ID.eq(channelId))
                .forUpdate()
                .fetchSingle(CAFE_CHANNEL.LAST_CHANGE);
        db.update(CAFE_CHANNEL)
                .set(CAFE_CHANNEL.LAST_CHANGE, last + 1)
                .where(CAFE_CHANNEL.ID.eq(channelId))
                .execute();
        return last + 1;
    }

    private static Message message(Record r) {
        return new Message(
                r.get(CAFE_MESSAGE.ID),
                r.get(CAFE_MESSAGE.AUTHOR_ID),
                r.get(CAFE_MESSAGE.BODY),
                r.get(CAFE_MESSAGE.POSTED_AT).toInstant(),
                Optional.ofNullable(r.get(CAFE_MESSAGE.EDITED_AT))
                        .map(OffsetDateTime::toInstant)
                        .orElse(null),
                r.get(CAFE_MESSAGE.DELETED_AT) != null,
                r.get(CAFE_MESSAGE.HIDDEN_AT) != null,
                r.get(CAFE_MESSAGE.HIDDEN_NOTE),
                r.get(CAFE_MESSAGE.CHANGE_NO),
                List.of());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
