package nl.leerlog.tool.registration;

/** Where a platform registration stands; only active registrations may launch. */
public enum RegistrationStatus {
    /** Made by Dynamic Registration, waiting for an admin's approval. */
    PENDING,
    ACTIVE,
    /** Turned off by an admin; kept with its courses and data. */
    DISABLED
}
