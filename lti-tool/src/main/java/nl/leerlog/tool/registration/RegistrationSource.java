package nl.leerlog.tool.registration;

/** Where a registration came from. */
public enum RegistrationSource {
    MANUAL,
    DYNAMIC
}
