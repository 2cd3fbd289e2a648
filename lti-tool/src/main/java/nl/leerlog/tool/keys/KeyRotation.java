package nl.leerlog.tool.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.leerlog.tool.keys.internal.DatabaseToolKeys;
import nl.leerlog.tool.keys.internal.KeySettings;
import nl.leerlog.tool.keys.internal.NewToolKey;
import nl.leerlog.tool.keys.internal.PrivateKeyCipher;
import nl.leerlog.tool.keys.internal.ScheduledKeyRotation;
import nl.leerlog.tool.keys.internal.StoredToolKey;
import nl.leerlog.tool.keys.internal.ToolKeyRepository;
import nl.leerlog.tool.keys.internal.ToolKeyState;
import nl.leerlog.tool.keys.internal.ToolKeyView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;

/**
 * Rotation of the tool's signing keys with overlap (Sec §6): the NEXT key is published at least
 * {@code leerlog.keys.publish-before-use} before it signs, and the key it replaces stays published for
 * {@code leerlog.keys.retire-after}, so every token signed with it can still be checked. The admin console rotates
 * with {@link #rotateNow()}; {@link ScheduledKeyRotation} rotates when the current key is old.
 */
@Service
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final ToolKeyRepository repository;
    private final DatabaseToolKeys toolKeys;
    private final PrivateKeyCipher cipher;
    private final KeySettings settings;
    private final Clock clock;

    public KeyRotation(
            ToolKeyRepository repository,
            DatabaseToolKeys toolKeys,
            PrivateKeyCipher cipher,
            KeySettings settings,
            Clock clock) {
        this.repository = repository;
        this.toolKeys = toolKeys;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a rotation attempt did. */
    enum Outcome {
        /** This request rotated. */
        ROTATED,
        /** Another request or instance rotated from the same keys at the same moment: one rotation, not two. */
        ROTATED_ELSEWHERE
    }

    /**
     * The NEXT key becomes CURRENT, the CURRENT key RETIRED, and a fresh NEXT key is published. Requests from
     * several admins or instances at the same moment rotate once.
     *
     * @throws RotationTooSoonException if the NEXT key was published less than {@code publish-before-use} ago
     */
    public void rotateNow() {
        Outcome outcome = rotate(clock.instant());
        log.info(
                outcome == Outcome.ROTATED
                        ? "Tool keys rotated on request"
                        : "Tool keys were rotated by another request");
    }

    /** Every key in the database, newest first, without private material. */
    public List<ToolKeyView> keys() {
        return repository.findAll().stream().map(StoredToolKey::view).toList();
    }

    /** Rotates if the CURRENT key has signed for {@code rotation-interval}; true if this call rotated. */
    public boolean rotateIfDue() {
        Instant now = clock.instant();
        StoredToolKey current = DatabaseToolKeys.find(repository.findAll(), ToolKeyState.CURRENT)
                .orElse(null);
        if (current == null
                || current.activatedAt().plus(settings.rotationInterval()).isAfter(now)) {
            return false;
        }
        try {
            return rotate(now) == Outcome.ROTATED;
        } catch (RotationTooSoonException e) {
            log.warn(
                    "The current tool key is due for rotation, but the next key may sign only from {}", e.possibleAt());
            return false;
        }
    }

    /** Deletes RETIRED keys that left the key set; returns how many. */
    public int deleteExpiredRetiredKeys() {
        return repository.deleteRetiredBefore(clock.instant().minus(settings.retireAfter()));
    }

    private Outcome rotate(Instant now) {
        List<StoredToolKey> keys = repository.findAll();
        StoredToolKey current = DatabaseToolKeys.find(keys, ToolKeyState.CURRENT)
                .orElseThrow(() -> new IllegalStateException("The tool has no current signing key"));
        StoredToolKey next = DatabaseToolKeys.find(keys, ToolKeyState.NEXT)
                .orElseThrow(() -> new IllegalStateException("The tool has no next signing key"));
        Instant possibleAt = next.createdAt().plus(settings.publishBeforeUse());
        if (now.isBefore(possibleAt)) {
            throw new RotationTooSoonException(possibleAt);
        }
        NewToolKey newNext = NewToolKey.generate(cipher);
        boolean rotated;
        try {
            rotated = repository.rotate(current.kid(), next.kid(), newNext, now);
        } catch (ConcurrencyFailureException e) {
            // A database that reports the competing rotation as a lock conflict: fine if the keys moved on.
            if (DatabaseToolKeys.find(repository.findAll(), ToolKeyState.CURRENT)
                    .filter(stillCurrent -> stillCurrent.kid().equals(current.kid()))
                    .isPresent()) {
                throw e;
            }
            rotated = false;
        }
        toolKeys.refresh();
        return rotated ? Outcome.ROTATED : Outcome.ROTATED_ELSEWHERE;
    }
}
