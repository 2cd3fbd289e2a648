package nl.leerlog.tool.notifications.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.leerlog.tool.notifications.OutboxOverview;
import org.springframework.stereotype.Component;

/** The outbox as the admin console shows it: {@link MailOutbox}'s metadata, an error's addresses blanked out. */
@Component
class OutboxAdministration implements OutboxOverview {

    /** Anything that looks like a mail address, also inside {@code <...>} as SMTP replies quote them. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

    private final MailOutbox outbox;
    private final Clock clock;

    OutboxAdministration(MailOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        outbox.countByStatus().forEach((status, count) -> counts.put(Status.valueOf(status.name()), count));
        return counts;
    }

    @Override
    public List<Mail> latest(Status status, int limit) {
        return outbox.latest(MailOutbox.Status.valueOf(status.name()), limit).stream()
                .map(OutboxAdministration::mail)
                .toList();
    }

    @Override
    public Optional<Mail> find(long id) {
        return outbox.entry(id).map(OutboxAdministration::mail);
    }

    @Override
    public boolean retry(long id) {
        return outbox.retry(id, clock.instant());
    }

    private static Mail mail(MailOutbox.Entry entry) {
        return new Mail(
                entry.id(),
                entry.kind(),
                Status.valueOf(entry.status().name()),
                entry.attempts(),
                instant(entry.createdAt()),
                instant(entry.nextAttemptAt()),
                instant(entry.sentAt()),
                withoutAddresses(entry.lastError()));
    }

    static String withoutAddresses(String error) {
        return error == null ? null : ADDRESS.matcher(error).replaceAll("[address]");
    }

    private static java.time.Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
