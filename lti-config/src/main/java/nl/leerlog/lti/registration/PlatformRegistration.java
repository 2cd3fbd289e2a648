package nl.leerlog.lti.registration;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * One tool registration on a platform, keyed by issuer + client id: several registrations may share an
 * issuer (Canvas uses one issuer for every school).
 *
 * @param clockSkew allowed clock difference for this platform; {@code null} for the tool's default
 */
public record PlatformRegistration(
        String issuer,
        String clientId,
        Set<String> deploymentIds,
        URI authorizationUri,
        URI jwkSetUri,
        URI tokenUri,
        Set<JWSAlgorithm> algorithms,
        Duration clockSkew) {

    /** RS256 unless a registration widens it (Sec §5.1.3 step 1; lti.md). */
    public static final Set<JWSAlgorithm> DEFAULT_ALGORITHMS = Set.of(JWSAlgorithm.RS256);

    public PlatformRegistration {
        deploymentIds = Set.copyOf(deploymentIds);
        algorithms = algorithms == null || algorithms.isEmpty() ? DEFAULT_ALGORITHMS : Set.copyOf(algorithms);
    }

    /** Stable id of this registration, stored with login state and sessions. */
    public RegistrationKey id() {
        return new RegistrationKey(issuer, clientId);
    }

    public boolean hasDeployment(String deploymentId) {
        return deploymentIds.contains(deploymentId);
    }
}
