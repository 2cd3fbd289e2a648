package nl.leerlog.tool.identity.internal;

import static nl.leerlog.schema.Tables.LTI_SESSION;
import static nl.leerlog.tool.identity.internal.JooqLoginStateStore.utc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import nl.leerlog.lti.failure.LtiLaunchFailedEvent;
import nl.leerlog.tool.identity.LaunchAcceptedEvent;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of the launch: {@code leerlog.launches} by outcome (accepted, refused) and by role or
 * refusal reason, and {@code leerlog.sessions.active}, the launched sessions not yet expired in the database (all
 * instances together). Tags carry no personal data and no registration: their number stays small.
 */
@Component
class LaunchMetrics {

    /** Counting sessions is one indexed query; a scrape every few seconds by several Prometheus servers need not. */
    private static final Duration SESSION_COUNT_AGE = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    private final DSLContext db;
    private final Clock clock;
    private volatile Instant countedAt = Instant.MIN;
    private volatile long activeSessions;

    LaunchMetrics(MeterRegistry registry, DSLContext db, Clock clock) {
        this.registry = registry;
        this.db = db;
        this.clock = clock;
        Gauge.builder("leerlog.sessions.active", this, LaunchMetrics::activeSessions)
                .description("Launched sessions that have not expired, on all instances")
                .register(registry);
    }

    @EventListener
    void onAccepted(LaunchAcceptedEvent event) {
        launches("accepted", "role", event.role().name().toLowerCase(java.util.Locale.ROOT))
                .increment();
    }

    @EventListener
    void onRefused(LtiLaunchFailedEvent event) {
        launches("refused", "reason", event.error().name().toLowerCase(java.util.Locale.ROOT))
                .increment();
    }

    private Counter launches(String outcome, String tag, String value) {
        return Counter.builder("leerlog.launches")
                .description("LTI logins and launches by outcome")
                .tag("outcome", outcome)
                .tag(tag, value)
                .register(registry);
    }

    private double activeSessions() {
        Instant now = clock.instant();
        if (countedAt.plus(SESSION_COUNT_AGE).isBefore(now)) {
            activeSessions = db.fetchCount(LTI_SESSION, LTI_SESSION.EXPIRES_AT.gt(utc(now)));
            countedAt = now;
        }
        return activeSessions;
    }
}
