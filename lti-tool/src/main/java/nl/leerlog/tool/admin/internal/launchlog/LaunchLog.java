package nl.leerlog.tool.admin.internal.launchlog;

import static nl.leerlog.schema.Tables.LTI_LAUNCH_EVENT;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import nl.leerlog.lti.failure.LtiLaunchFailedEvent;
import nl.leerlog.schema.tables.records.LtiLaunchEventRecord;
import nl.leerlog.tool.identity.LaunchAcceptedEvent;
import nl.leerlog.tool.system.DatabaseText;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepted and refused launches, one row each, for the admin console's launch debugger and registration pages.
 * A refusal keeps the id_token's claims as the platform sent them (unverified): never the token or its signature.
 */
@Repository
public class LaunchLog {

    /** Claims longer than this are cut: the debugger needs to read them, not to keep every byte. */
    static final int MAX_CLAIMS_LENGTH = 65_536;

    private static final Logger log = LoggerFactory.getLogger(LaunchLog.class);

    private static final int BATCH_SIZE = 500;

    private final DSLContext db;
    private final JsonMapper json;
    private final Queue<LtiLaunchEventRecord> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final ReentrantLock writing = new ReentrantLock();

    public LaunchLog(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** One launch as the console shows it; the error fields are empty for an accepted launch. */
    public record LaunchEvent(
            long id,
            Instant at,
            boolean accepted,
            String registrationId,
            String deploymentId,
            String contextTitle,
            String courseRole,
            String errorId,
            String errorCode,
            String detail,
            String claims) {}

    /** The newest accepted launch and the newest refusal of a registration. */
    public record RegistrationActivity(Optional<LaunchEvent> lastLaunch, Optional<LaunchEvent> lastError) {
        public static final RegistrationActivity NONE = new RegistrationActivity(Optional.empty(), Optional.empty());
    }

    @EventListener
    void onLaunchRefused(LtiLaunchFailedEvent event) {
        LtiLaunchEventRecord row = row(event.at(), false, Objects.toString(event.registration(), null));
        row.setErrorId(event.errorId());
        row.setErrorCode(event.error().name());
        row.setDetail(DatabaseText.fit(event.detail(), 2000));
        row.setClaims(DatabaseText.fit(event.unverifiedClaims(), MAX_CLAIMS_LENGTH));
        queue(row);
    }

    @EventListener
    void onLaunchAccepted(LaunchAcceptedEvent event) {
        LtiLaunchEventRecord row = row(event.at(), true, event.registration().toString());
        row.setDeploymentId(DatabaseText.fit(event.deploymentId(), 255));
        row.setContextTitle(DatabaseText.fit(event.contextTitle(), 500));
        row.setCourseRole(event.role() == null ? null : event.role().name());
        queue(row);
    }

    private static LtiLaunchEventRecord row(Instant at, boolean accepted, String registrationId) {
        LtiLaunchEventRecord row = new LtiLaunchEventRecord();
        row.setOccurredAt(at.atOffset(ZoneOffset.UTC));
        row.setAccepted(accepted);
        row.setRegistrationId(DatabaseText.fit(registrationId, 600));
        return row;
    }

    /** Queues a launch for the next batch, so that the launch does not wait for its log row. */
    private void queue(LtiLaunchEventRecord row) {
        pending.add(row);
        if (pendingCount.incrementAndGet() >= BATCH_SIZE) {
            flush();
        }
    }

    /**
     * Writes the launches recorded since the last write, in one JDBC batch. Launches are written in batches (at
     * least once a second) so that a launch does not wait for its log row; every read writes them first.
     */
    @Scheduled(fixedDelayString = "PT1S")
    @PreDestroy
    public void flush() {
        // Always under the lock: a read must also wait for rows another thread took from the queue but is
        // still writing.
        writing.lock();
        try {
            List<LtiLaunchEventRecord> rows = new ArrayList<>();
            for (LtiLaunchEventRecord row; (row = pending.poll()) != null; ) {
                rows.add(row);
                pendingCount.decrementAndGet();
            }
            if (!rows.isEmpty()) {
                db.batchInsert(rows).execute();
            }
        } catch (DataAccessException e) {
            // The log serves the admin; a launch must not fail because its log entry could not be written.
            log.warn("Could not record launch events", e);
        } finally {
            writing.unlock();
        }
    }

    /** The newest refusals, optionally only the one with this error id (as the failure page shows it). */
    public List<LaunchEvent> refusals(String errorId, int limit) {
        var condition = LTI_LAUNCH_EVENT.ACCEPTED.isFalse();
        if (errorId != null && !errorId.isBlank()) {
            String wanted = errorId.strip().toUpperCase(Locale.ROOT);
            if (wanted.length() > 32 || !DatabaseText.storable(wanted)) {
                return List.of(); // no error id looks like this
            }
            condition = condition.and(LTI_LAUNCH_EVENT.ERROR_ID.eq(wanted));
        }
        flush();
        return fetch(condition, limit);
    }

    /** A registration's newest accepted launches or refusals. */
    public List<LaunchEvent> ofRegistration(String registrationId, boolean accepted, int limit) {
        if (!DatabaseText.storable(registrationId)) {
            return List.of();
        }
        flush();
        return fetch(
                LTI_LAUNCH_EVENT.REGISTRATION_ID.eq(registrationId).and(LTI_LAUNCH_EVENT.ACCEPTED.eq(accepted)), limit);
    }

    /** For every registration that launched or was refused: its newest launch and newest refusal. */
    public Map<String, RegistrationActivity> activityByRegistration() {
        flush();
        var newest = db.select(DSL.max(LTI_LAUNCH_EVENT.ID))
                .from(LTI_LAUNCH_EVENT)
                .where(LTI_LAUNCH_EVENT.REGISTRATION_ID.isNotNull())
                .groupBy(LTI_LAUNCH_EVENT.REGISTRATION_ID, LTI_LAUNCH_EVENT.ACCEPTED);
        Map<String, RegistrationActivity> activity = new HashMap<>();
        for (LaunchEvent event : fetch(LTI_LAUNCH_EVENT.ID.in(newest), Integer.MAX_VALUE)) {
            RegistrationActivity known = activity.getOrDefault(event.registrationId(), RegistrationActivity.NONE);
            activity.put(
                    event.registrationId(),
                    event.accepted()
                            ? new RegistrationActivity(Optional.of(event), known.lastError())
                            : new RegistrationActivity(known.lastLaunch(), Optional.of(event)));
        }
        return activity;
    }

    /** Removes events older than the given moment; returns how many. */
    public int deleteBefore(Instant moment) {
        flush();
        return db.deleteFrom(LTI_LAUNCH_EVENT)
                .where(LTI_LAUNCH_EVENT.OCCURRED_AT.lt(moment.atOffset(ZoneOffset.UTC)))
                .execute();
    }

    /** The claims as indented JSON for reading; as stored when they are not JSON at all. */
    public String prettyClaims(LaunchEvent event) {
        if (event.claims() == null) {
            return null;
        }
        try {
            JsonNode claims = json.readTree(event.claims());
            return json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(claims);
        } catch (JacksonException e) {
            return event.claims();
        }
    }

    private List<LaunchEvent> fetch(org.jooq.Condition condition, int limit) {
        return db.selectFrom(LTI_LAUNCH_EVENT)
                .where(condition)
                .orderBy(LTI_LAUNCH_EVENT.OCCURRED_AT.desc(), LTI_LAUNCH_EVENT.ID.desc())
                .limit(limit)
                .fetch(LaunchLog::toEvent);
    }

    private static LaunchEvent toEvent(LtiLaunchEventRecord row) {
        OffsetDateTime at = row.getOccurredAt();
        return new LaunchEvent(
                row.getId(),
                at.toInstant(),
                row.getAccepted(),
                row.getRegistrationId(),
                row.getDeploymentId(),
                row.getContextTitle(),
                row.getCourseRole(),
                row.getErrorId(),
                row.getErrorCode(),
                row.getDetail(),
                row.getClaims());
    }
}
