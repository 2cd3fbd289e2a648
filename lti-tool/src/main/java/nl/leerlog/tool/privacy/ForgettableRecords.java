package nl.leerlog.tool.privacy;

import java.time.OffsetDateTime;

/**
 * A feature's records that a person deleted, kept for undo until the undo period is over. Each feature forgets its
 * own through this interface; the privacy module decides when ({@code leerlog.privacy.keep-deleted}) and runs them
 * in their {@link org.springframework.core.annotation.Order}. Deleting what is already gone does nothing, so every
 * instance may run it and a run that fails half-way is finished by the next.
 */
public interface ForgettableRecords {

    /** What these records are, as the purge's log names them (e.g. "moments"). */
    String kind();

    /** Removes for good what was deleted before {@code cutoff}; returns how many records went. */
    int forgetDeletedBefore(OffsetDateTime cutoff);
}
