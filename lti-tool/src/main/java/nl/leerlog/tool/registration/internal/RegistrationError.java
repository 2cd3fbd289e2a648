package nl.leerlog.tool.registration.internal;

import java.util.Locale;

/**
 * Why a Dynamic Registration did not complete, with the status of the page and the texts
 * ({@code registration.error.<code>} and {@code registration.advice.<code>}) that tell the LMS admin what to do.
 */
public enum RegistrationError {
    /** No {@code openid_configuration} parameter: the page was not opened by an LMS. */
    CONFIGURATION_URL_MISSING(400),
    /** Not an absolute URL, far too long, or with user info. */
    CONFIGURATION_URL_INVALID(400),
    /** Plain http outside development. */
    CONFIGURATION_URL_INSECURE(400),
    /** The registration token holds characters no bearer token has, or is far too long. */
    TOKEN_INVALID(400),
    /** The host is, or resolves to, a private, loopback, link-local or otherwise non-public address. */
    PRIVATE_ADDRESS(403),
    /** The host does not resolve, the connection failed or timed out, or the platform answered 5xx. */
    PLATFORM_UNREACHABLE(424),
    /** The OpenID configuration is not JSON, or is missing or breaking a rule. */
    CONFIGURATION_INVALID(422),
    /** The platform refused the registration token (401/403): expired or used. */
    TOKEN_REFUSED(403),
    /** The platform refused the registration for another reason (other 4xx). */
    REGISTRATION_REFUSED(424),
    /** The platform's answer to the registration cannot be used (no client id, not JSON). */
    REGISTRATION_ANSWER_INVALID(422),
    /** Leerlog already has a registration with this issuer and client id. */
    DUPLICATE(409);

    private final int status;

    RegistrationError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return "registration.error." + code();
    }

    public String adviceKey() {
        return "registration.advice." + code();
    }

    /** The error's name in the page, for support: {@code private-address}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
