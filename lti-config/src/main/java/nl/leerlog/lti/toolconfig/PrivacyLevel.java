package nl.leerlog.lti.toolconfig;

import java.util.Locale;

/**
 * How much about a user Canvas puts in a launch ({@code privacy_level} of a developer key, and
 * {@code https://canvas.instructure.com/lti/privacy_level} in Dynamic Registration).
 */
public enum PrivacyLevel {
    /** Name, email and picture. */
    PUBLIC,
    NAME_ONLY,
    EMAIL_ONLY,
    /** Only opaque ids. */
    ANONYMOUS;

    /** The value Canvas expects: {@code public}, {@code name_only}, ... */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
