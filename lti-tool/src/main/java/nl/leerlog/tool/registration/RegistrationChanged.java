package nl.leerlog.tool.registration;

/**
 * A registration an admin changed, published in the transaction of the change so the admin console's audit
 * records it together with the change or not at all.
 */
public record RegistrationChanged(Change change, String target, String details) {

    public enum Change {
        CREATED,
        UPDATED,
        APPROVED,
        DISABLED,
        ENABLED,
        DELETED,
        DEPLOYMENT_ADDED,
        DEPLOYMENT_REMOVED
    }
}
