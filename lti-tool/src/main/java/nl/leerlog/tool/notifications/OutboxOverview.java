package nl.leerlog.tool.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an operator sees of the notification outbox: how many mails wait, went out or failed, the latest ones with
 * their metadata, and sending a failed one again. Never a mail's address, subject or body: an error the mail server
 * gave is shown with every address in it blanked out.
 */
public interface OutboxOverview {

    enum Status {
        QUEUED,
        SENDING,
        SENT,
        FAILED
    }

    /** One mail's metadata: its kind (which event), where it stands, how often it was tried, and when. */
    record Mail(
            long id,
            String kind,
            Status status,
            int attempts,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant sentAt,
            String lastError) {}

    /** How many mails are in each status (every status, 0 where none). */
    Map<Status, Integer> counts();

    /** The latest mails in one status, newest first. */
    List<Mail> latest(Status status, int limit);

    /** A failed mail's metadata; empty for an unknown id. */
    java.util.Optional<Mail> find(long id);

    /**
     * Queues a failed mail again, now, with its tries counted from zero and its Message-ID kept; false when it is not
     * failed (any more): sent meanwhile, already queued again, or unknown.
     */
    boolean retry(long id);
}
