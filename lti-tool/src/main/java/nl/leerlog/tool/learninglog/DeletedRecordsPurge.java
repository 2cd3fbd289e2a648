package nl.leerlog.tool.learninglog;

import static nl.leerlog.tool.db.Tables.LEARNING_MOMENT;
import static nl.leerlog.tool.db.Tables.REFLECTION;
import static nl.leerlog.tool.db.Tables.SAVED_ITEM;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.leerlog.tool.learninglog.evidence.EvidencePurge;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What a student deletes is gone for good once the undo period ({@code leerlog.privacy.keep-deleted}, 30 days)
 * is over: learning moments with their links and evidence, reflections with their answers, removed saved items.
 * Every instance may run it; deleting what is already deleted does nothing.
 */
@Component
public class DeletedRecordsPurge {

    private static final Logger log = LoggerFactory.getLogger(DeletedRecordsPurge.class);

    private final DSLContext db;
    private final EvidencePurge evidence;
    private final Clock clock;
    private final Duration keepDeleted;

    DeletedRecordsPurge(DSLContext db, EvidencePurge evidence, Clock clock,
            @Value("${leerlog.privacy.keep-deleted:P30D}") Duration keepDeleted) {
        this.db = db;
        this.evidence = evidence;
        this.clock = clock;
        this.keepDeleted = keepDeleted;
    }

    @Scheduled(fixedDelayString = "${leerlog.privacy.purge-interval:PT6H}", initialDelayString = "PT10M")
    void purgeOnSchedule() {
        Purged purged = purge();
        if (purged.total() > 0) {
            log.info("Forgot what students deleted over {} ago: {}", keepDeleted, purged);
        }
    }

    /** How many of each were removed for good. */
    public record Purged(int evidence, int moments, int reflections, int savedItems) {

        int total() {
            return evidence + moments + reflections + savedItems;
        }
    }

    /** Each step stands alone and may be repeated, so a failure half-way is finished by the next run. */
    public Purged purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(keepDeleted);
        int files = evidence.purgeDeletedBefore(cutoff);
        // Reflections on a purged moment stay the student's own, standalone (moment_id is set null).
        int moments = db.deleteFrom(LEARNING_MOMENT).where(LEARNING_MOMENT.DELETED_AT.lt(cutoff)).execute();
        int reflections = db.deleteFrom(REFLECTION).where(REFLECTION.DELETED_AT.lt(cutoff)).execute();
        int saved = db.deleteFrom(SAVED_ITEM).where(SAVED_ITEM.REMOVED_AT.lt(cutoff)).execute();
        return new Purged(files, moments, reflections, saved);
    }
}
