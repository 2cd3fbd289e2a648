package nl.leerlog.tool.registration;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/** What an admin or Dynamic Registration says about a platform. */
public record RegistrationDetails(
        String issuer,
        String clientId,
        URI authorizationUri,
        URI jwkSetUri,
        URI tokenUri,
        Set<String> algorithms,
        String platformName,
        Duration clockSkew,
        String privacyLevel) {}
