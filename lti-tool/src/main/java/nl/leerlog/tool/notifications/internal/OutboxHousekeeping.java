package nl.leerlog.tool.notifications.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.leerlog.tool.system.HousekeepingTask;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox small and visible: sent mails leave it after {@code leerlog.mail.keep-sent}, and the gauge
 * {@code leerlog.mail.outbox} shows by status how many mails are queued, being sent or failed, as counted at the
 * last run (so a scrape never queries the database).
 */
@Component
@HousekeepingTask.Schedule(name = "mail-outbox", every = "PT1M")
class OutboxHousekeeping implements HousekeepingTask {

    private final MailOutbox outbox;
    private final MailSettings settings;
    private final Clock clock;
    private final Map<MailOutbox.Status, Integer> counts = new ConcurrentHashMap<>();

    OutboxHousekeeping(MailOutbox outbox, MailSettings settings, Clock clock, MeterRegistry metrics) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        for (MailOutbox.Status status :
                new MailOutbox.Status[] {MailOutbox.Status.QUEUED, MailOutbox.Status.SENDING, MailOutbox.Status.FAILED
                }) {
            counts.put(status, 0);
            Gauge.builder("leerlog.mail.outbox", counts, c -> c.getOrDefault(status, 0))
                    .description("Notification mails in the outbox by status, as counted at the last housekeeping run")
                    .tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
                    .register(metrics);
        }
    }

    @Override
    public int run() {
        int purged = outbox.purgeSent(clock.instant().minus(settings.keepSent()));
        outbox.countByStatus().forEach((status, count) -> {
            if (counts.containsKey(status)) {
                counts.put(status, count);
            }
        });
        return purged;
    }
}
