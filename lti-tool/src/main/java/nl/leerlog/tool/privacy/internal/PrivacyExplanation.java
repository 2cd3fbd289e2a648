package nl.leerlog.tool.privacy.internal;

import java.time.Duration;
import nl.leerlog.lti.session.LtiAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * What the explanation tells a student about their own data: which of their name and e-mail address the LMS shares
 * (the registration's privacy level decides; Leerlog stores only what it sends), and how long a deletion can be
 * undone.
 */
public record PrivacyExplanation(boolean nameShared, boolean emailShared, long undoDays) {

    /** The message key of the sentence on the LMS's fields, one for each combination. */
    public String lmsFieldsKey() {
        if (nameShared && emailShared) {
            return "privacy.notice.lms.name-and-email";
        }
        if (nameShared) {
            return "privacy.notice.lms.name";
        }
        return emailShared ? "privacy.notice.lms.email" : "privacy.notice.lms.none";
    }

    static PrivacyExplanation of(Authentication authentication, Duration keepDeleted) {
        boolean name = false;
        boolean email = false;
        if (authentication instanceof LtiAuthenticationToken lti) {
            var person = lti.launch().person();
            name = person != null && person.displayName().isPresent();
            email = person != null && person.email() != null && !person.email().isBlank();
        }
        return new PrivacyExplanation(name, email, keepDeleted.toDays());
    }
}
