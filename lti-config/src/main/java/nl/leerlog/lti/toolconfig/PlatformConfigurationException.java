package nl.leerlog.lti.toolconfig;

/** A platform's OpenID configuration or registration answer that the tool cannot use. */
public class PlatformConfigurationException extends RuntimeException {

    /** What is wrong, for a message the LMS admin can act on. */
    public enum Problem {
        /** No {@code issuer}, or not a URL without query and fragment. */
        ISSUER_INVALID,
        /** The issuer is not https. */
        ISSUER_INSECURE,
        /** The issuer's host is not the host the configuration was fetched from. */
        ISSUER_HOST_MISMATCH,
        /** A required field is missing or empty. */
        FIELD_MISSING,
        /** An endpoint is not an absolute https URL. */
        FIELD_NOT_A_URL,
        /** The platform does not sign id_tokens with RS256. */
        RS256_UNSUPPORTED,
        /** The answer to the registration has no client id. */
        CLIENT_ID_MISSING
    }

    private final Problem problem;
    private final String field;

    public PlatformConfigurationException(Problem problem, String field) {
        super(problem + (field == null ? "" : ": " + field));
        this.problem = problem;
        this.field = field;
    }

    public Problem problem() {
        return problem;
    }

    /** The JSON field concerned, or {@code null}. */
    public String field() {
        return field;
    }
}
