package nl.leerlog.tool.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.lti.registration.PlatformRegistrations;
import nl.leerlog.lti.services.Membership;
import nl.leerlog.lti.services.NamesRoleService;
import nl.leerlog.lti.services.ServiceCallException;
import nl.leerlog.tool.identity.internal.RosterRepository.RosterSource;
import nl.leerlog.tool.system.HousekeepingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each course's enrolments in step with the platform's roster (NRPS 2.0): in the background after a
 * teacher's launch, and on a schedule for every course whose launches gave a memberships URL. A teacher then
 * sees students who never opened Leerlog, and students who left the course become inactive.
 */
@Component
@HousekeepingTask.Schedule(
        name = "rosters",
        every = "${leerlog.roster.sync-interval:PT6H}",
        firstAfter = "${leerlog.roster.initial-delay:PT10M}")
public class RosterSync implements HousekeepingTask, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RosterSync.class);

    private final RosterRepository rosters;
    private final NamesRoleService namesRoleService;
    private final PlatformRegistrations registrations;
    private final Clock clock;
    private final RosterSettings settings;
    /** Background reads run on virtual threads: they mostly wait for the platform. */
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    /** Courses being read on this instance, so a burst of teacher launches costs one read. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    public RosterSync(
            RosterRepository rosters,
            NamesRoleService namesRoleService,
            PlatformRegistrations registrations,
            Clock clock,
            RosterSettings settings) {
        this.rosters = rosters;
        this.namesRoleService = namesRoleService;
        this.registrations = registrations;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Reads the course's roster now and applies it.
     *
     * @return what changed; empty when the course has no memberships URL or its registration is not active
     * @throws nl.leerlog.lti.services.ServiceCallException when the platform refuses or stays unavailable
     */
    public Optional<RosterChanges> sync(long courseId) {
        return rosters.source(courseId).flatMap(this::sync);
    }

    private Optional<RosterChanges> sync(RosterSource source) {
        Optional<PlatformRegistration> registration = registrations.find(source.issuer(), source.clientId());
        if (registration.isEmpty() || registration.get().tokenUri() == null) {
            log.debug(
                    "Course {} has no active registration with a token URL; its roster is not read", source.courseId());
            return Optional.empty();
        }
        Instant readStartedAt = clock.instant();
        Membership membership = namesRoleService.members(registration.get(), source.membershipsUrl());
        RosterChanges changes = rosters.apply(source, membership.members(), readStartedAt);
        log.info(
                "Roster of course {} read: {} listed, {} made inactive, {} skipped",
                source.courseId(),
                changes.listed(),
                changes.deactivated(),
                changes.skipped());
        return Optional.of(changes);
    }

    /** A teacher launched: read the roster in the background, unless it was read a moment ago. */
    @EventListener
    void onSyncRequested(RosterSyncRequested request) {
        try {
            background.execute(() -> rosters.source(request.courseId())
                    .filter(source -> source.lastSyncedAt() == null
                            || source.lastSyncedAt().isBefore(clock.instant().minus(settings.launchSyncMinInterval())))
                    .ifPresent(this::syncGuarded));
        } catch (RejectedExecutionException shuttingDown) {
            // The launch itself succeeded; the schedule of the next instance reads this roster.
            log.debug("Roster of course {} not read: the tool is shutting down", request.courseId());
        }
    }

    /**
     * Every course with a memberships URL, one after another. A course read less than half an interval ago is
     * left alone: another instance of the tool has just done it.
     */
    @Override
    public int run() {
        Instant recent = clock.instant().minus(settings.syncInterval().dividedBy(2));
        List<RosterSource> due = rosters.sourcesNotSyncedSince(recent);
        for (RosterSource source : due) {
            syncGuarded(source);
        }
        return due.size();
    }

    /** One read at a time per course; a failing course is logged and does not stop the others. */
    private void syncGuarded(RosterSource source) {
        if (!running.add(source.courseId())) {
            return;
        }
        try {
            sync(source);
        } catch (ServiceCallException e) {
            log.warn("Roster of course {} not read: {}", source.courseId(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Roster of course {} not read", source.courseId(), e);
        } finally {
            running.remove(source.courseId());
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
