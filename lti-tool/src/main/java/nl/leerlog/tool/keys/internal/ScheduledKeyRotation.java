package nl.leerlog.tool.keys.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import nl.leerlog.tool.keys.KeyRotation;

/**
 * Rotates the tool keys when the current one is {@code leerlog.keys.rotation-interval} old and forgets retired
 * keys once they left the key set. Every instance runs it; the database lets exactly one of them rotate.
 */
@Component
public class ScheduledKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(ScheduledKeyRotation.class);

    private final KeyRotation rotation;

    ScheduledKeyRotation(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @Scheduled(fixedDelayString = "${leerlog.keys.check-interval:PT1H}", initialDelayString = "PT1M")
    void rotateAndCleanUp() {
        if (rotation.rotateIfDue()) {
            log.info("Tool keys rotated on schedule");
        }
        int deleted = rotation.deleteExpiredRetiredKeys();
        if (deleted > 0) {
            log.info("Deleted {} retired tool keys", deleted);
        }
    }
}
