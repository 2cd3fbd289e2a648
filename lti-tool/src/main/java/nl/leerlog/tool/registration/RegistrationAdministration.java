package nl.leerlog.tool.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.leerlog.lti.registration.RegistrationKey;
import nl.leerlog.tool.registration.RegistrationChanged.Change;
import nl.leerlog.tool.registration.internal.RegistrationRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The changes an admin makes to registrations, each announced as a {@link RegistrationChanged} for the audit. */
@Service
public class RegistrationAdministration {

    private final RegistrationRepository registrations;
    private final ApplicationEventPublisher events;

    RegistrationAdministration(RegistrationRepository registrations, ApplicationEventPublisher events) {
        this.registrations = registrations;
        this.events = events;
    }

    /** No registration has this id (any more). */
    public static final class RegistrationNotFound extends RuntimeException {
        RegistrationNotFound(long id) {
            super("no registration " + id);
        }
    }

    /** Issuer and client id are taken by another registration. */
    public static final class DuplicateRegistration extends RuntimeException {
        DuplicateRegistration(String issuer, String clientId) {
            super("already registered: " + new RegistrationKey(issuer, clientId));
        }
    }

    /** The status change does not apply to the registration's current status. */
    public static final class StatusChangeRefused extends RuntimeException {
        StatusChangeRefused(long id, RegistrationStatus from, RegistrationStatus to) {
            super("registration " + id + " cannot go from " + from + " to " + to);
        }
    }

    public StoredRegistration get(long id) {
        return registrations.findById(id).orElseThrow(() -> new RegistrationNotFound(id));
    }

    /** Every stored registration, for the console's list. */
    public List<StoredRegistration> list() {
        return registrations.list();
    }

    /** A registration an admin enters by hand is active at once: the admin is the one who approves. */
    @Transactional
    public long create(RegistrationDetails details, Set<String> deploymentIds) {
        if (registrations.find(details.issuer(), details.clientId()).isPresent()) {
            throw new DuplicateRegistration(details.issuer(), details.clientId());
        }
        long id;
        try {
            id = registrations.create(details, RegistrationStatus.ACTIVE, RegistrationSource.MANUAL, deploymentIds);
        } catch (DuplicateKeyException e) {
            throw new DuplicateRegistration(details.issuer(), details.clientId());
        }
        changed(
                Change.CREATED,
                target(details),
                "status=" + RegistrationStatus.ACTIVE + "; deployments=" + String.join(", ", deploymentIds));
        return id;
    }

    @Transactional
    public void update(long id, RegistrationDetails details) {
        StoredRegistration before = get(id);
        registrations.update(id, details);
        changed(Change.UPDATED, target(before.details()), changes(before.details(), details));
    }

    /** Dynamic Registration leaves a registration pending until an admin approves it (lti.md, Registration). */
    @Transactional
    public void approve(long id) {
        changeStatus(id, RegistrationStatus.ACTIVE, Change.APPROVED, RegistrationStatus.PENDING);
    }

    @Transactional
    public void disable(long id) {
        changeStatus(
                id,
                RegistrationStatus.DISABLED,
                Change.DISABLED,
                RegistrationStatus.ACTIVE,
                RegistrationStatus.PENDING);
    }

    @Transactional
    public void enable(long id) {
        changeStatus(id, RegistrationStatus.ACTIVE, Change.ENABLED, RegistrationStatus.DISABLED);
    }

    @Transactional
    public void delete(long id) {
        StoredRegistration registration = get(id);
        registrations.delete(id);
        changed(
                Change.DELETED,
                target(registration.details()),
                "status=" + registration.status() + "; deployments=" + String.join(", ", registration.deploymentIds()));
    }

    @Transactional
    public void addDeployment(long id, String deploymentId) {
        StoredRegistration registration = get(id);
        if (registration.deploymentIds().contains(deploymentId)) {
            return; // nothing changes, so nothing to audit
        }
        registrations.addDeployment(id, deploymentId);
        changed(Change.DEPLOYMENT_ADDED, target(registration.details()), "deployment=" + deploymentId);
    }

    @Transactional
    public void removeDeployment(long id, String deploymentId) {
        StoredRegistration registration = get(id);
        if (registrations.removeDeployment(id, deploymentId)) {
            changed(Change.DEPLOYMENT_REMOVED, target(registration.details()), "deployment=" + deploymentId);
        }
    }

    private void changeStatus(long id, RegistrationStatus to, Change change, RegistrationStatus... from) {
        StoredRegistration registration = get(id);
        if (!List.of(from).contains(registration.status())) {
            throw new StatusChangeRefused(id, registration.status(), to);
        }
        registrations.setStatus(id, to);
        changed(change, target(registration.details()), "status=" + registration.status() + " -> " + to);
    }

    /** Tells the admin module's audit, in this transaction, what changed. */
    private void changed(Change change, String target, String details) {
        events.publishEvent(new RegistrationChanged(change, target, details));
    }

    /** The registration as launches name it (issuer + client id), in its stored form. */
    public static String target(RegistrationDetails details) {
        return new RegistrationKey(details.issuer(), details.clientId()).toString();
    }

    private static String changes(RegistrationDetails before, RegistrationDetails after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "platformName", before.platformName(), after.platformName());
        compare(changed, "authorizationUri", before.authorizationUri(), after.authorizationUri());
        compare(changed, "jwkSetUri", before.jwkSetUri(), after.jwkSetUri());
        compare(changed, "tokenUri", before.tokenUri(), after.tokenUri());
        compare(
                changed,
                "algorithms",
                new java.util.TreeSet<>(before.algorithms()),
                new java.util.TreeSet<>(after.algorithms()));
        compare(changed, "clockSkew", before.clockSkew(), after.clockSkew());
        compare(changed, "privacyLevel", before.privacyLevel(), after.privacyLevel());
        return changed.isEmpty() ? "no changes" : String.join("; ", changed);
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field + "=" + before + " -> " + after);
        }
    }
}
