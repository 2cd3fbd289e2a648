package nl.leerlog.lti.config;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import nl.leerlog.lti.registration.PlatformRegistration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the LTI layer, bound from {@code lti.*}.
 *
 * @param platforms static registrations ({@code lti.platforms[0].issuer}, ...)
 * @param clockSkew allowed clock difference when checking {@code exp} and {@code iat}
 * @param stateTtl how long a login may take from initiation to launch
 * @param sessionTtl how long a launched session lasts without use
 * @param sessionMaxLifetime how long a launched session lasts at most, however much it is used
 * @param sessionCacheTtl how long an instance trusts a session it read without reading it again; also how long
 *        an ended session may still work on another instance
 * @param maxIdTokenLength longest id_token accepted, in characters
 * @param toolUrl the tool's public base URL; when empty, taken from each request
 * @param frameAncestors origins allowed to frame a launched session's pages besides its platform's own
 * @param jwksMinRefetchInterval the shortest time between two fetches of one platform's key set
 */
@ConfigurationProperties("lti")
public record LtiProperties(
        @DefaultValue List<Platform> platforms,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("10m") Duration stateTtl,
        @DefaultValue("8h") Duration sessionTtl,
        @DefaultValue("12h") Duration sessionMaxLifetime,
        @DefaultValue("5s") Duration sessionCacheTtl,
        @DefaultValue("65536") int maxIdTokenLength,
        URI toolUrl,
        @DefaultValue List<String> frameAncestors,
        @DefaultValue("10s") Duration jwksMinRefetchInterval) {

    /**
     * One registration given in the configuration rather than through Dynamic Registration or the admin console.
     *
     * @param issuer the platform's issuer, exactly as its id_tokens name it
     * @param clientId the client id the platform gave the tool
     * @param deploymentIds the deployments of the tool at the platform; launches of other deployments are refused
     * @param authorizationUri the platform's OIDC authorization endpoint, where logins are sent
     * @param jwkSetUri the platform's key set, against which id_tokens are verified
     * @param tokenUri the platform's OAuth 2 token endpoint, for service calls
     * @param algorithms the signature algorithms accepted from this platform
     * @param clockSkew the allowed clock difference for this platform; empty: {@code lti.clock-skew}
     */
    public record Platform(
            String issuer,
            String clientId,
            @DefaultValue List<String> deploymentIds,
            URI authorizationUri,
            URI jwkSetUri,
            URI tokenUri,
            @DefaultValue("RS256") List<String> algorithms,
            Duration clockSkew) {

        public PlatformRegistration toRegistration() {
            return new PlatformRegistration(
                    issuer,
                    clientId,
                    new HashSet<>(deploymentIds),
                    authorizationUri,
                    jwkSetUri,
                    tokenUri,
                    algorithms.stream().map(JWSAlgorithm::parse).collect(Collectors.toSet()),
                    clockSkew);
        }
    }

    public List<PlatformRegistration> registrations() {
        return platforms.stream().map(Platform::toRegistration).toList();
    }
}
