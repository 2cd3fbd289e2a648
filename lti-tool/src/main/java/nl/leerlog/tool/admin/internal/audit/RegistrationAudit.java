package nl.leerlog.tool.admin.internal.audit;

import nl.leerlog.tool.registration.RegistrationChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes each registration change to the audit, in the transaction of the change (a plain, synchronous listener). */
@Component
record RegistrationAudit(AdminAudit audit) {

    @EventListener
    void on(RegistrationChanged changed) {
        audit.record(action(changed.change()), changed.target(), changed.details());
    }

    static AuditAction action(RegistrationChanged.Change change) {
        return switch (change) {
            case CREATED -> AuditAction.REGISTRATION_CREATED;
            case UPDATED -> AuditAction.REGISTRATION_UPDATED;
            case APPROVED -> AuditAction.REGISTRATION_APPROVED;
            case DISABLED -> AuditAction.REGISTRATION_DISABLED;
            case ENABLED -> AuditAction.REGISTRATION_ENABLED;
            case DELETED -> AuditAction.REGISTRATION_DELETED;
            case DEPLOYMENT_ADDED -> AuditAction.DEPLOYMENT_ADDED;
            case DEPLOYMENT_REMOVED -> AuditAction.DEPLOYMENT_REMOVED;
        };
    }
}
