package nl.leerlog.tool.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leerlog.tool.privacy.ForgettableRecords;
import nl.leerlog.tool.system.HousekeepingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What people delete is gone for good once the undo period ({@code leerlog.privacy.keep-deleted}, 30 days) is over:
 * every feature's {@link ForgettableRecords}, in their order (evidence before the moments it belongs to).
 */
@Component
@HousekeepingTask.Schedule(
        name = "deleted-records",
        every = "${leerlog.privacy.purge-interval:PT6H}",
        firstAfter = "PT10M")
public class DeletedRecordsPurge implements HousekeepingTask {

    private static final Logger log = LoggerFactory.getLogger(DeletedRecordsPurge.class);

    private final List<ForgettableRecords> features;
    private final Clock clock;
    private final Duration keepDeleted;

    DeletedRecordsPurge(
            List<ForgettableRecords> features,
            Clock clock,
            @Value("${leerlog.privacy.keep-deleted:P30D}") Duration keepDeleted) {
        this.features = features;
        this.clock = clock;
        this.keepDeleted = keepDeleted;
    }

    @Override
    public int run() {
        Purged purged = purge();
        if (purged.total() > 0) {
            log.info("Forgot what was deleted over {} ago: {}", keepDeleted, purged.byKind());
        }
        return purged.total();
    }

    /** How many records of each kind were removed for good. */
    public record Purged(Map<String, Integer> byKind) {

        public int count(String kind) {
            return byKind.getOrDefault(kind, 0);
        }

        int total() {
            return byKind.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Each feature's step stands alone and may be repeated. */
    public Purged purge() {
        OffsetDateTime cutoff =
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(keepDeleted);
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (ForgettableRecords feature : features) {
            byKind.merge(feature.kind(), feature.forgetDeletedBefore(cutoff), Integer::sum);
        }
        return new Purged(byKind);
    }
}
