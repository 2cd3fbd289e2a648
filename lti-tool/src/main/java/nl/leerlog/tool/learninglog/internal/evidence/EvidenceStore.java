package nl.leerlog.tool.learninglog.internal.evidence;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where the bytes of an evidence file live. Only {@link EvidenceFiles} calls a store, after it checked that the
 * evidence row belongs to the requesting student, so a store itself knows nothing of owners.
 */
public interface EvidenceStore {

    /** The value of {@code evidence.storage} for files this store keeps. */
    String name();

    /** Keeps the content of evidence {@code evidenceId}; returns the storage key to remember, if the store needs one. */
    String put(long evidenceId, byte[] content);

    byte[] get(long evidenceId, String storageKey);

    /**
     * Writes the content to {@code out}. A store that can read by stream does so; the database store hands over one
     * file at a time, at most the upload limit ({@code leerlog.evidence.max-file-size}).
     */
    default void copyTo(long evidenceId, String storageKey, OutputStream out) throws IOException {
        out.write(get(evidenceId, storageKey));
    }

    /** Forgets the content for good; nothing happens when it is already gone. */
    void delete(long evidenceId, String storageKey);
}
