package nl.leerlog.tool.registration.internal;

/** A Dynamic Registration that stopped; the page shows the error's texts, the log its detail. */
public class RegistrationFailedException extends RuntimeException {

    private final RegistrationError error;
    private final String field;

    public RegistrationFailedException(RegistrationError error, String detail) {
        this(error, detail, null, null);
    }

    public RegistrationFailedException(RegistrationError error, String detail, String field, Throwable cause) {
        super(error + ": " + detail, cause);
        this.error = error;
        this.field = field;
    }

    public RegistrationError error() {
        return error;
    }

    /** The configuration field at fault, shown to the admin; may be {@code null}. */
    public String field() {
        return field;
    }
}
