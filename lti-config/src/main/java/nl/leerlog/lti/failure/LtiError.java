package nl.leerlog.lti.failure;

/**
 * Why a login or launch was refused. Each has the HTTP status of its page and a message key; the
 * English default text is for logs and for apps that provide no translation.
 */
public enum LtiError {
    // Login initiation (Sec §5.1.1)
    LOGIN_MISSING_PARAMETER(400, "A required login parameter is missing."),
    LOGIN_UNKNOWN_PLATFORM(400, "This LMS (issuer and client id) is not registered with the tool."),
    LOGIN_AMBIGUOUS_PLATFORM(400, "Several registrations share this issuer; the LMS must send client_id."),
    LOGIN_FOREIGN_TARGET(400, "The target link URI does not belong to this tool."),

    // Request shape (Sec §5.1.1.5: form_post only)
    LAUNCH_NOT_POST(405, "A launch must be a form POST from the LMS."),
    LAUNCH_MISSING_ID_TOKEN(400, "The launch carries no id_token."),
    LAUNCH_TOKEN_TOO_LARGE(413, "The id_token is far too large."),
    LAUNCH_NOT_A_JWT(400, "The id_token is not a signed JWT."),

    // State (Sec §7.3.1) and nonce (Sec §5.1.3 step 9)
    STATE_MISSING(400, "The launch carries no state."),
    STATE_UNKNOWN(400, "The launch's state is unknown: the launch did not start here, or it was already used."),
    STATE_EXPIRED(400, "The launch took too long; please open the tool again from the course menu."),
    STATE_FOREIGN_BROWSER(
            400, "This launch was started in another browser, or the browser blocked the tool's cookies."),
    STATE_BINDING_NOT_FROM_TOOL(400, "The launch's browser binding did not come from the tool's own page."),
    NONCE_MISMATCH(400, "The id_token's nonce does not belong to this launch (a replayed id_token?)."),

    // Signature (Sec §5.1.3 step 1, §5.4)
    SIGNATURE_ALGORITHM_REFUSED(400, "The id_token's signing algorithm is not accepted."),
    SIGNATURE_MISSING_KID(400, "The id_token names no key (kid)."),
    SIGNATURE_UNKNOWN_KID(400, "The id_token's key (kid) is not in the platform's key set."),
    SIGNATURE_INVALID(400, "The id_token's signature is not valid."),
    PLATFORM_KEYS_UNAVAILABLE(503, "The LMS's public keys could not be fetched; please try again in a minute."),
    /** The key set's URL is plain http or on a non-public address: the tool does not call it (SSRF guard). */
    PLATFORM_KEYS_REFUSED(
            403,
            "The LMS's public keys are at an address the tool may not call; an admin must correct the registration."),

    // Identity claims (Sec §5.1.3 steps 2-8)
    ISSUER_MISMATCH(400, "The id_token was issued by another platform than the one that started the login."),
    AUDIENCE_MISMATCH(400, "The id_token is meant for another tool (aud)."),
    AUTHORIZED_PARTY_MISMATCH(400, "The id_token's authorized party (azp) is missing or wrong."),
    TOKEN_EXPIRED(400, "The id_token has expired."),
    TOKEN_TIMES_MISSING(400, "The id_token lacks its issue or expiry time."),
    TOKEN_ISSUED_IN_FUTURE(400, "The id_token is issued in the future; check the LMS's clock."),
    TOKEN_NOT_YET_VALID(400, "The id_token is not valid yet (nbf); check the LMS's clock."),
    SUBJECT_MISSING(400, "The id_token names no user (sub)."),

    // LTI message claims (Core §5.3)
    MESSAGE_TYPE_MISSING(400, "The launch has no LTI message type."),
    MESSAGE_TYPE_UNSUPPORTED(400, "This kind of LTI message is not supported by the tool."),
    VERSION_UNSUPPORTED(400, "The launch is not LTI version 1.3.0."),
    DEPLOYMENT_MISSING(400, "The launch has no deployment id."),
    DEPLOYMENT_UNKNOWN(403, "This deployment of the tool is not registered; an LMS admin must add its deployment id."),
    RESOURCE_LINK_MISSING(400, "The launch has no resource link id."),
    ROLES_MISSING(400, "The launch has no roles claim."),
    TARGET_LINK_MISSING(400, "The launch has no target link URI."),
    TARGET_LINK_MISMATCH(400, "The launch opens another link than the login was started for."),
    CLAIM_WRONG_TYPE(400, "A claim in the launch has the wrong JSON type."),

    // Decided by the application after validation
    ACCESS_REFUSED(403, "Your role in this course gives no access to the tool.");

    private final int status;
    private final String defaultMessage;

    LtiError(int status, String defaultMessage) {
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    public int status() {
        return status;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** Message key, e.g. {@code lti.error.state-expired}. */
    public String messageKey() {
        return "lti.error." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
