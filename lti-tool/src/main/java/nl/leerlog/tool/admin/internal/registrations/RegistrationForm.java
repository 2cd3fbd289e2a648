package nl.leerlog.tool.admin.internal.registrations;

import java.time.Duration;
import java.util.List;
import nl.leerlog.tool.registration.RegistrationDetails;
import nl.leerlog.tool.registration.StoredRegistration;

/**
 * What an admin types for a platform without Dynamic Registration, as typed: kept as text so a page with
 * validation errors shows the input exactly as it was.
 *
 * @param deploymentIds one deployment id a line (or separated by commas)
 */
public record RegistrationForm(
        String issuer,
        String clientId,
        String platformName,
        String deploymentIds,
        String authorizationUri,
        String jwkSetUri,
        String tokenUri,
        List<String> algorithms,
        String clockSkewSeconds,
        String privacyLevel) {

    public RegistrationForm {
        algorithms = algorithms == null ? List.of() : List.copyOf(algorithms);
    }

    /** A new registration starts with the one algorithm every LTI platform uses (Sec §5.1.3: RS256). */
    static RegistrationForm blank() {
        return new RegistrationForm("", "", "", "", "", "", "", List.of("RS256"), "", "");
    }

    static RegistrationForm of(StoredRegistration stored) {
        RegistrationDetails details = stored.details();
        Duration skew = details.clockSkew();
        return new RegistrationForm(
                details.issuer(),
                details.clientId(),
                text(details.platformName()),
                String.join("\n", stored.deploymentIds()),
                details.authorizationUri().toString(),
                details.jwkSetUri().toString(),
                details.tokenUri() == null ? "" : details.tokenUri().toString(),
                details.algorithms().stream().sorted().toList(),
                skew == null ? "" : Long.toString(skew.toSeconds()),
                text(details.privacyLevel()));
    }

    /** The same input with another issuer and client id: an edit never changes a registration's identity. */
    RegistrationForm withIdentity(String issuer, String clientId) {
        return new RegistrationForm(
                issuer,
                clientId,
                platformName,
                deploymentIds,
                authorizationUri,
                jwkSetUri,
                tokenUri,
                algorithms,
                clockSkewSeconds,
                privacyLevel);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
