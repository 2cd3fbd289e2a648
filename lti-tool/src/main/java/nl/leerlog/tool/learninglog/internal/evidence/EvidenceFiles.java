package nl.leerlog.tool.learninglog.internal.evidence;

import static nl.leerlog.schema.Tables.EVIDENCE;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
import nl.leerlog.tool.privacy.ExportedRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student's evidence files (bewijsstukken), always reached through one of their own learning moments that is
 * not deleted. Deleting is soft, so the student can undo it.
 */
@Repository
@PrivateRecords
public class EvidenceFiles {

    private final DSLContext db;
    private final EvidenceStores.Storage storage;

    EvidenceFiles(DSLContext db, EvidenceStores.Storage storage) {
        this.db = db;
        this.storage = storage;
    }

    /** Adds a checked file to the owner's moment; a moment that is not theirs is not found. */
    @Transactional
    public long add(Owner owner, long momentId, EvidenceUpload upload, Instant now) {
        if (!db.fetchExists(LEARNING_MOMENT, liveMoment(owner, momentId))) {
            throw Owner.notFound();
        }
        EvidenceStore store = storage.current();
        long id = db.insertInto(EVIDENCE)
                .set(EVIDENCE.COURSE_ID, owner.courseId())
                .set(EVIDENCE.OWNER_ID, owner.userId())
                .set(EVIDENCE.MOMENT_ID, momentId)
                .set(EVIDENCE.FILE_NAME, upload.fileName())
                .set(EVIDENCE.CONTENT_TYPE, upload.contentType())
                .set(EVIDENCE.SIZE_BYTES, (long) upload.content().length)
                .set(EVIDENCE.SHA256, upload.sha256())
                .set(EVIDENCE.STORAGE, store.name())
                .set(EVIDENCE.SCAN_STATUS, upload.scanStatus().name())
                .set(EVIDENCE.CREATED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .returningResult(EVIDENCE.ID)
                .fetchSingle(EVIDENCE.ID);
        String key = store.put(id, upload.content());
        if (key != null) {
            db.update(EVIDENCE)
                    .set(EVIDENCE.STORAGE_KEY, key)
                    .where(EVIDENCE.ID.eq(id))
                    .execute();
        }
        return id;
    }

    /** The moment's files that are not deleted, oldest first. */
    public List<EvidenceItem> list(Owner owner, long momentId) {
        return db.select(
                        EVIDENCE.ID,
                        EVIDENCE.FILE_NAME,
                        EVIDENCE.CONTENT_TYPE,
                        EVIDENCE.SIZE_BYTES,
                        EVIDENCE.SCAN_STATUS,
                        EVIDENCE.CREATED_AT)
                .from(EVIDENCE)
                .where(owner.owns(EVIDENCE).and(EVIDENCE.MOMENT_ID.eq(momentId)).and(EVIDENCE.DELETED_AT.isNull()))
                .orderBy(EVIDENCE.CREATED_AT, EVIDENCE.ID)
                .fetch(r -> new EvidenceItem(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        ScanStatus.valueOf(r.value5()),
                        r.value6().toInstant()));
    }

    /** The moment's files that are not deleted, with their checksums, as the owner's export lists them. */
    public List<ExportedRecord.File> exported(Owner owner, long momentId) {
        return db.select(EVIDENCE.ID, EVIDENCE.FILE_NAME, EVIDENCE.CONTENT_TYPE, EVIDENCE.SIZE_BYTES, EVIDENCE.SHA256)
                .from(EVIDENCE)
                .where(owner.owns(EVIDENCE).and(EVIDENCE.MOMENT_ID.eq(momentId)).and(EVIDENCE.DELETED_AT.isNull()))
                .orderBy(EVIDENCE.CREATED_AT, EVIDENCE.ID)
                .fetch(r -> new ExportedRecord.File(
                        String.valueOf(r.value1()),
                        EvidenceTypes.downloadName(r.value2(), r.value3()),
                        r.value3(),
                        r.value4(),
                        r.value5()));
    }

    /**
     * Copies the content of the owner's live file to {@code out} by stream; a file that is not theirs, or deleted, or
     * of a deleted moment, is not found.
     */
    public void copy(Owner owner, long evidenceId, OutputStream out) throws IOException {
        var row = db.select(EVIDENCE.STORAGE, EVIDENCE.STORAGE_KEY)
                .from(EVIDENCE)
                .where(owner.owns(EVIDENCE)
                        .and(EVIDENCE.ID.eq(evidenceId))
                        .and(EVIDENCE.DELETED_AT.isNull())
                        .and(EVIDENCE.MOMENT_ID.in(db.select(LEARNING_MOMENT.ID)
                                .from(LEARNING_MOMENT)
                                .where(owner.owns(LEARNING_MOMENT).and(LEARNING_MOMENT.DELETED_AT.isNull())))))
                .fetchOptional()
                .orElseThrow(Owner::notFound);
        storage.of(row.value1()).copyTo(evidenceId, row.value2(), out);
    }

    public Optional<EvidenceDownload> download(Owner owner, long momentId, long evidenceId) {
        return db.select(EVIDENCE.FILE_NAME, EVIDENCE.CONTENT_TYPE, EVIDENCE.STORAGE, EVIDENCE.STORAGE_KEY)
                .from(EVIDENCE)
                .where(live(owner, momentId, evidenceId))
                .fetchOptional()
                .map(r -> new EvidenceDownload(
                        r.value1(), r.value2(), storage.of(r.value3()).get(evidenceId, r.value4())));
    }

    /** Soft-deletes a file; someone else's file, or one already deleted, is not found. */
    public void delete(Owner owner, long momentId, long evidenceId, Instant now) {
        int deleted = db.update(EVIDENCE)
                .set(EVIDENCE.DELETED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .where(live(owner, momentId, evidenceId))
                .execute();
        if (deleted == 0) {
            throw Owner.notFound();
        }
    }

    /** The name of a deleted file of the owner's live moment, for the notice that offers to undo the delete. */
    public Optional<String> deletedName(Owner owner, long momentId, long evidenceId) {
        return db.select(EVIDENCE.FILE_NAME)
                .from(EVIDENCE)
                .where(deleted(owner, momentId, evidenceId))
                .fetchOptional(EVIDENCE.FILE_NAME);
    }

    /** Undoes a delete; a file that is not the owner's, or not deleted, is not found. */
    public void restore(Owner owner, long momentId, long evidenceId) {
        int restored = db.update(EVIDENCE)
                .setNull(EVIDENCE.DELETED_AT)
                .where(deleted(owner, momentId, evidenceId))
                .execute();
        if (restored == 0) {
            throw Owner.notFound();
        }
    }

    /** A deleted file of the owner's moment, while the moment itself is live: only then can it come back. */
    private Condition deleted(Owner owner, long momentId, long evidenceId) {
        return owner.owns(EVIDENCE)
                .and(EVIDENCE.ID.eq(evidenceId))
                .and(EVIDENCE.MOMENT_ID.eq(momentId))
                .and(EVIDENCE.DELETED_AT.isNotNull())
                .and(EVIDENCE.MOMENT_ID.in(
                        db.select(LEARNING_MOMENT.ID).from(LEARNING_MOMENT).where(liveMoment(owner, momentId))));
    }

    private Condition live(Owner owner, long momentId, long evidenceId) {
        return owner.owns(EVIDENCE)
                .and(EVIDENCE.ID.eq(evidenceId))
                .and(EVIDENCE.MOMENT_ID.eq(momentId))
                .and(EVIDENCE.DELETED_AT.isNull())
                .and(EVIDENCE.MOMENT_ID.in(
                        db.select(LEARNING_MOMENT.ID).from(LEARNING_MOMENT).where(liveMoment(owner, momentId))));
    }

    private static Condition liveMoment(Owner owner, long momentId) {
        return owner.owns(LEARNING_MOMENT)
                .and(LEARNING_MOMENT.ID.eq(momentId))
                .and(LEARNING_MOMENT.DELETED_AT.isNull());
    }
}
