package nl.leerlog.tool.admin.internal.launchlog;

import static nl.leerlog.schema.Tables.LTI_FRAME_ORIGIN;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.leerlog.tool.identity.LaunchAcceptedEvent;
import nl.leerlog.tool.system.DatabaseText;
import nl.leerlog.tool.system.Upserts;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Repository;

/**
 * The LMS origins that framed a registration's launches (a school's own Canvas domain, say), as the signed
 * return URLs named them: shown in the admin console so an LMS admin sees where the tool is used. Each instance
 * writes an origin it saw at most once an hour, so launches from known places cost no statement.
 */
@Repository
public class FrameOrigins {

    private static final Duration RESTAMP_AFTER = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(FrameOrigins.class);

    private final DSLContext db;
    private final Cache<String, Instant> stamped = Caffeine.newBuilder()
            .expireAfterWrite(RESTAMP_AFTER)
            .maximumSize(10_000)
            .build();

    public FrameOrigins(DSLContext db) {
        this.db = db;
    }

    /** One origin as the console lists it. */
    public record FrameOrigin(String origin, Instant firstSeen, Instant lastSeen) {}

    @EventListener
    void onLaunchAccepted(LaunchAcceptedEvent event) {
        String origin = event.frameOrigin();
        String registrationId = event.registration().toString();
        if (origin == null
                || origin.length() > 300
                || !DatabaseText.storable(registrationId)
                || registrationId.length() > 600) {
            return;
        }
        String key = registrationId + " " + origin;
        if (stamped.getIfPresent(key) != null) {
            return;
        }
        OffsetDateTime at = event.at().atOffset(ZoneOffset.UTC);
        try {
            Upserts.upsert(() -> db.insertInto(LTI_FRAME_ORIGIN)
                    .set(LTI_FRAME_ORIGIN.REGISTRATION_ID, registrationId)
                    .set(LTI_FRAME_ORIGIN.ORIGIN, origin)
                    .set(LTI_FRAME_ORIGIN.FIRST_SEEN_AT, at)
                    .set(LTI_FRAME_ORIGIN.LAST_SEEN_AT, at)
                    .onConflict(LTI_FRAME_ORIGIN.REGISTRATION_ID, LTI_FRAME_ORIGIN.ORIGIN)
                    .doUpdate()
                    .set(LTI_FRAME_ORIGIN.LAST_SEEN_AT, at)
                    .execute());
            stamped.put(key, event.at());
        } catch (DataAccessException e) {
            // For the console only: a launch does not fail because its origin could not be noted.
            log.warn("Could not note the frame origin of a launch", e);
        }
    }

    /** The origins that framed this registration's launches, most recently seen first. */
    public List<FrameOrigin> ofRegistration(String registrationId) {
        if (!DatabaseText.storable(registrationId)) {
            return List.of();
        }
        return db.selectFrom(LTI_FRAME_ORIGIN)
                .where(LTI_FRAME_ORIGIN.REGISTRATION_ID.eq(registrationId))
                .orderBy(LTI_FRAME_ORIGIN.LAST_SEEN_AT.desc(), LTI_FRAME_ORIGIN.ORIGIN)
                .fetch(row -> new FrameOrigin(
                        row.getOrigin(),
                        row.getFirstSeenAt().toInstant(),
                        row.getLastSeenAt().toInstant()));
    }
}
