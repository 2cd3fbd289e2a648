package nl.leerlog.tool.keys.internal;

import nl.leerlog.tool.keys.KeyRotation;
import nl.leerlog.tool.system.HousekeepingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rotates the tool keys when the current one is {@code leerlog.keys.rotation-interval} old and forgets retired
 * keys once they left the key set. One instance at a time runs it, and the database still lets exactly one
 * rotation win; the other instances' key caches pick the new keys up on their own.
 */
@Component
@HousekeepingTask.Schedule(name = "tool-keys", every = "${leerlog.keys.check-interval:PT1H}")
public record ScheduledKeyRotation(KeyRotation rotation) implements HousekeepingTask {

    private static final Logger log = LoggerFactory.getLogger(ScheduledKeyRotation.class);

    @Override
    public int run() {
        boolean rotated = rotation.rotateIfDue();
        if (rotated) {
            log.info("Tool keys rotated on schedule");
        }
        return (rotated ? 1 : 0) + rotation.deleteExpiredRetiredKeys();
    }
}
