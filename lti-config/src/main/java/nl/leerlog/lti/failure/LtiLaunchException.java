package nl.leerlog.lti.failure;

/**
 * A refused login or launch. The detail is for the log and the admin's launch debugger, never for
 * the page: the page shows the translated reason and the error id.
 */
public class LtiLaunchException extends RuntimeException {

    private final LtiError error;
    private final String messageKeyOverride;

    public LtiLaunchException(LtiError error, String detail) {
        this(error, detail, null, null);
    }

    public LtiLaunchException(LtiError error, String detail, Throwable cause) {
        this(error, detail, null, cause);
    }

    private LtiLaunchException(LtiError error, String detail, String messageKeyOverride, Throwable cause) {
        super(detail, cause);
        this.error = error;
        this.messageKeyOverride = messageKeyOverride;
    }

    /** An application refusal with its own message key, e.g. for observers. */
    public static LtiLaunchException refused(String messageKey, String detail) {
        return new LtiLaunchException(LtiError.ACCESS_REFUSED, detail, messageKey, null);
    }

    public LtiError error() {
        return error;
    }

    public String messageKey() {
        return messageKeyOverride != null ? messageKeyOverride : error.messageKey();
    }
}
