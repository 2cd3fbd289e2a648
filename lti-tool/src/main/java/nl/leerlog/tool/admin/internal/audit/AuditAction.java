package nl.leerlog.tool.admin.internal.audit;

/** The changes an admin can make in the console; each has a text {@code admin.audit.action.NAME}. */
public enum AuditAction {
    REGISTRATION_CREATED,
    REGISTRATION_UPDATED,
    REGISTRATION_APPROVED,
    REGISTRATION_DISABLED,
    REGISTRATION_ENABLED,
    REGISTRATION_DELETED,
    DEPLOYMENT_ADDED,
    DEPLOYMENT_REMOVED,
    KEYS_ROTATED,
    MAIL_RETRIED,
    COURSE_PURGE_CONFIRMED
}
