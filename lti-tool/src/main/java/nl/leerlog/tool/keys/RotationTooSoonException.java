package nl.leerlog.tool.keys;

import java.time.Instant;

/**
 * The next key was published too recently to sign: platforms that cached the key set may not know it yet.
 * Happens when a rotation follows another one (or the first start) within {@code leerlog.keys.publish-before-use}.
 */
public class RotationTooSoonException extends RuntimeException {

    private final Instant possibleAt;

    RotationTooSoonException(Instant possibleAt) {
        super("The next tool key was published too recently to sign; a rotation is possible from " + possibleAt);
        this.possibleAt = possibleAt;
    }

    /** From when the next key has been published long enough. */
    public Instant possibleAt() {
        return possibleAt;
    }
}
