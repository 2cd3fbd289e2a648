package nl.leerlog.tool.cafe.internal;

import static nl.leerlog.schema.Tables.CAFE_ATTACHMENT;
import static nl.leerlog.schema.Tables.CAFE_MESSAGE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.tool.learninglog.UploadChecks;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The small files on café messages. They were accepted by the evidence checks ({@link UploadChecks}); each is read
 * by whoever may read its message: nobody once its writer deleted the message, only the coach while it is hidden.
 */
@Repository
@Transactional
class CafeAttachments {

    /** The most files on one message. */
    static final int MAX_FILES = 3;

    private final DSLContext db;

    CafeAttachments(DSLContext db) {
        this.db = db;
    }

    /** A file as a message lists it: the name it downloads under, the type found in it and its size. */
    record Attachment(long id, long messageId, String fileName, String contentType, long sizeBytes) {

        /** The size as people read it, at least 1 KB. */
        public long kilobytes() {
            return Math.max(1, (sizeBytes + 1023) / 1024);
        }
    }

    /** A file to send: its download name, its type and its content. */
    record Download(String fileName, String contentType, byte[] content) {}

    void add(long messageId, List<UploadChecks.Accepted> files) {
        for (UploadChecks.Accepted file : files) {
            db.insertInto(CAFE_ATTACHMENT)
                    .set(CAFE_ATTACHMENT.MESSAGE_ID, messageId)
                    .set(CAFE_ATTACHMENT.FILE_NAME, file.fileName())
                    .set(CAFE_ATTACHMENT.CONTENT_TYPE, file.contentType())
                    .set(CAFE_ATTACHMENT.SIZE_BYTES, (long) file.content().length)
                    .set(CAFE_ATTACHMENT.SHA256, file.sha256())
                    .set(CAFE_ATTACHMENT.SCAN_STATUS, file.scanStatus())
                    .set(CAFE_ATTACHMENT.CONTENT, file.content())
                    .execute();
        }
    }

    /** The files of these messages, by message, in the order they were added; never their content. */
    Map<Long, List<Attachment>> of(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Attachment>> byMessage = new LinkedHashMap<>();
        db.select(
                        CAFE_ATTACHMENT.ID,
                        CAFE_ATTACHMENT.MESSAGE_ID,
                        CAFE_ATTACHMENT.FILE_NAME,
                        CAFE_ATTACHMENT.CONTENT_TYPE,
                        CAFE_ATTACHMENT.SIZE_BYTES)
                .from(CAFE_ATTACHMENT)
                .where(CAFE_ATTACHMENT.MESSAGE_ID.in(messageIds))
                .orderBy(CAFE_ATTACHMENT.ID)
                .forEach(r -> byMessage
                        .computeIfAbsent(r.value2(), id -> new ArrayList<>())
                        .add(new Attachment(
                                r.value1(),
                                r.value2(),
                                UploadChecks.downloadName(r.value3(), r.value4()),
                                r.value4(),
                                r.value5())));
        return byMessage;
    }

    /**
     * The file, if it belongs to a message of this channel that its writer did not delete, and, when the coach hid
     * that message, only for the coach.
     */
    Optional<Download> download(long channelId, long attachmentId, boolean coach) {
        var hiddenAllowed = coach ? DSL.trueCondition() : CAFE_MESSAGE.HIDDEN_AT.isNull();
        return db.select(CAFE_ATTACHMENT.FILE_NAME, CAFE_ATTACHMENT.CONTENT_TYPE, CAFE_ATTACHMENT.CONTENT)
                .from(CAFE_ATTACHMENT)
                .join(CAFE_MESSAGE)
                .on(CAFE_MESSAGE.ID.eq(CAFE_ATTACHMENT.MESSAGE_ID))
                .where(CAFE_ATTACHMENT.ID.eq(attachmentId), CAFE_MESSAGE.CHANNEL_ID.eq(channelId))
                .and(CAFE_MESSAGE.DELETED_AT.isNull())
                .and(hiddenAllowed)
                .fetchOptional(
                        r -> new Download(UploadChecks.downloadName(r.value1(), r.value2()), r.value2(), r.value3()));
    }

    /** The writer deleted the message: its files go at once, like its text. */
    void forget(long messageId) {
        db.deleteFrom(CAFE_ATTACHMENT)
                .where(CAFE_ATTACHMENT.MESSAGE_ID.eq(messageId))
                .execute();
    }
}
