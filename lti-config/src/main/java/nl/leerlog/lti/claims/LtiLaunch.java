package nl.leerlog.lti.claims;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.lti.registration.RegistrationKey;

/**
 * The validated claims of one LTI resource link launch, typed. Optional claims are {@code null} or empty
 * when the platform did not send them or sent an unresolved {@code $} substitution variable.
 *
 * @param registration the registration (issuer + client id) this launch was validated against
 * @param rawClaims the validated id_token claims as JSON, kept so a session can be restored exactly
 */
public record LtiLaunch(
        RegistrationKey registration,
        String deploymentId,
        String subject,
        String messageType,
        String targetLinkUri,
        ResourceLink resourceLink,
        Context context,
        List<String> roles,
        Person person,
        String locale,
        Presentation presentation,
        Map<String, String> custom,
        NamesRoleService namesRoleService,
        PlatformInstance platform,
        String placement,
        String rawClaims) {

    /** The platform's issuer: the registration's, which the id_token's {@code iss} matched (Core §5.1.1.1). */
    public String issuer() {
        return registration.issuer();
    }

    /** The tool's client id at the platform, which the id_token's {@code aud} named (Core §5.1.1.1). */
    public String clientId() {
        return registration.clientId();
    }

    public record ResourceLink(String id, String title) {}

    public record Context(String id, String label, String title, List<String> types) {}

    /** The least personal data a launch may carry: every field may be absent (anonymous privacy level). */
    public record Person(String name, String givenName, String familyName, String email) {

        public Optional<String> displayName() {
            if (name != null) {
                return Optional.of(name);
            }
            String joined = String.join(
                    " ",
                    java.util.stream.Stream.of(givenName, familyName)
                            .filter(java.util.Objects::nonNull)
                            .toList());
            return joined.isBlank() ? Optional.empty() : Optional.of(joined);
        }
    }

    public record Presentation(String documentTarget, String returnUrl, String locale) {}

    public record NamesRoleService(String contextMembershipsUrl, List<String> serviceVersions) {}

    public record PlatformInstance(String guid, String name, String productFamilyCode) {}

    /** The launch's locale: the user's {@code locale} claim, else the presentation locale, else English. */
    public Locale preferredLocale() {
        String tag = locale != null ? locale : presentation != null ? presentation.locale() : null;
        return tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag.replace('_', '-'));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
