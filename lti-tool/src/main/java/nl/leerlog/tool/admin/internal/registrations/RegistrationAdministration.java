package nl.leerlog.tool.admin.internal.registrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.leerlog.tool.admin.internal.audit.AdminAudit;
import nl.leerlog.tool.admin.internal.audit.AuditAction;
import nl.leerlog.tool.registration.RegistrationRepository;
import nl.leerlog.tool.registration.RegistrationRepository.RegistrationDetails;
import nl.leerlog.tool.registration.RegistrationRepository.Source;
import nl.leerlog.tool.registration.RegistrationRepository.StoredRegistration;
import nl.leerlog.tool.registration.RegistrationStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The changes an admin makes to registrations, each written to the audit in the same transaction. */
@Service
class RegistrationAdministration {

    private final RegistrationRepository registrations;
    private final AdminAudit audit;

    RegistrationAdministration(RegistrationRepository registrations, AdminAudit audit) {
        this.registrations = registrations;
        this.audit = audit;
    }

    /** No registration has this id (any more). */
    static final class RegistrationNotFound extends RuntimeException {
        RegistrationNotFound(long id) {
            super("no registration " + id);
        }
    }

    /** Issuer and client id are taken by another registration. */
    static final class DuplicateRegistration extends RuntimeException {
        DuplicateRegistration(String issuer, String clientId) {
            super("already registered: " + issuer + "#" + clientId);
        }
    }

    /** The status change does not apply to the registration's current status. */
    static final class StatusChangeRefused extends RuntimeException {
        StatusChangeRefused(long id, RegistrationStatus from, RegistrationStatus to) {
            super("registration " + id + " cannot go from " + from + " to " + to);
        }
    }

    StoredRegistration get(long id) {
        return registrations.findById(id).orElseThrow(() -> new RegistrationNotFound(id));
    }

    /** A registration an admin enters by hand is active at once: the admin is the one who approves. */
    @Transactional
    long create(RegistrationDetails details, Set<String> deploymentIds) {
        if (registrations.find(details.issuer(), details.clientId()).isPresent()) {
            throw new DuplicateRegistration(details.issuer(), details.clientId());
        }
        long id;
        try {
            id = registrations.create(details, RegistrationStatus.ACTIVE, Source.MANUAL, deploymentIds);
        } catch (DuplicateKeyException e) {
            throw new DuplicateRegistration(details.issuer(), details.clientId());
        }
        audit.record(AuditAction.REGISTRATION_CREATED, target(details),
                "status=" + RegistrationStatus.ACTIVE + "; deployments=" + String.join(", ", deploymentIds));
        return id;
    }

    @Transactional
    void update(long id, RegistrationDetails details) {
        StoredRegistration before = get(id);
        registrations.update(id, details);
        audit.record(AuditAction.REGISTRATION_UPDATED, target(before.details()), changes(before.details(), details));
    }

    /** Dynamic Registration leaves a registration pending until an admin approves it (lti.md, Registration). */
    @Transactional
    void approve(long id) {
        changeStatus(id, RegistrationStatus.ACTIVE, AuditAction.REGISTRATION_APPROVED, RegistrationStatus.PENDING);
    }

    @Transactional
    void disable(long id) {
        changeStatus(id, RegistrationStatus.DISABLED, AuditAction.REGISTRATION_DISABLED,
                RegistrationStatus.ACTIVE, RegistrationStatus.PENDING);
    }

    @Transactional
    void enable(long id) {
        changeStatus(id, RegistrationStatus.ACTIVE, AuditAction.REGISTRATION_ENABLED, RegistrationStatus.DISABLED);
    }

    @Transactional
    void delete(long id) {
        StoredRegistration registration = get(id);
        registrations.delete(id);
        audit.record(AuditAction.REGISTRATION_DELETED, target(registration.details()),
                "status=" + registration.status() + "; deployments="
                        + String.join(", ", registration.deploymentIds()));
    }

    @Transactional
    void addDeployment(long id, String deploymentId) {
        StoredRegistration registration = get(id);
        if (registration.deploymentIds().contains(deploymentId)) {
            return; // nothing changes, so nothing to audit
        }
        registrations.addDeployment(id, deploymentId);
        audit.record(AuditAction.DEPLOYMENT_ADDED, target(registration.details()), "deployment=" + deploymentId);
    }

    @Transactional
    void removeDeployment(long id, String deploymentId) {
        StoredRegistration registration = get(id);
        if (registrations.removeDeployment(id, deploymentId)) {
            audit.record(AuditAction.DEPLOYMENT_REMOVED, target(registration.details()),
                    "deployment=" + deploymentId);
        }
    }

    private void changeStatus(long id, RegistrationStatus to, AuditAction action, RegistrationStatus... from) {
        StoredRegistration registration = get(id);
        if (!List.of(from).contains(registration.status())) {
            throw new StatusChangeRefused(id, registration.status(), to);
        }
        registrations.setStatus(id, to);
        audit.record(action, target(registration.details()), "status=" + registration.status() + " -> " + to);
    }

    /** The registration as launches name it: issuer + client id. */
    static String target(RegistrationDetails details) {
        return details.issuer() + "#" + details.clientId();
    }

    private static String changes(RegistrationDetails before, RegistrationDetails after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "platformName", before.platformName(), after.platformName());
        compare(changed, "authorizationUri", before.authorizationUri(), after.authorizationUri());
        compare(changed, "jwkSetUri", before.jwkSetUri(), after.jwkSetUri());
        compare(changed, "tokenUri", before.tokenUri(), after.tokenUri());
        compare(changed, "algorithms", new java.util.TreeSet<>(before.algorithms()),
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
