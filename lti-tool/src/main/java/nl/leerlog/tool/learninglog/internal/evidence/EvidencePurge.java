package nl.leerlog.tool.learninglog.internal.evidence;

import static nl.leerlog.schema.Tables.EVIDENCE;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;

import java.time.OffsetDateTime;
import nl.leerlog.tool.privacy.ForgettableRecords;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Forgets evidence whose undo period is over: files the student deleted, and every file of a moment they deleted,
 * from the store that keeps them and then from the database. It reads no content and serves no one, so it takes no
 * {@code Owner}: it is housekeeping, not access.
 */
@Component
@Order(1) // before the moments: a moment's rows go with it, its files would stay behind
public record EvidencePurge(DSLContext db, EvidenceStores.Storage storage) implements ForgettableRecords {

    @Override
    public String kind() {
        return "evidence";
    }

    /** Removes evidence deleted, or whose moment was deleted, before {@code cutoff}; returns how many files. */
    @Override
    public int forgetDeletedBefore(OffsetDateTime cutoff) {
        var expired = db.select(EVIDENCE.ID, EVIDENCE.STORAGE, EVIDENCE.STORAGE_KEY)
                .from(EVIDENCE)
                .where(EVIDENCE.DELETED_AT.lt(cutoff))
                .or(DSL.exists(DSL.selectOne()
                        .from(LEARNING_MOMENT)
                        .where(LEARNING_MOMENT.ID.eq(EVIDENCE.MOMENT_ID))
                        .and(LEARNING_MOMENT.DELETED_AT.lt(cutoff))))
                .fetch();
        for (var evidence : expired) {
            // The content goes first: a failure leaves a row that the next run tries again, never an orphan file.
            storage.of(evidence.value2()).delete(evidence.value1(), evidence.value3());
            db.deleteFrom(EVIDENCE).where(EVIDENCE.ID.eq(evidence.value1())).execute();
        }
        return expired.size();
    }
}
