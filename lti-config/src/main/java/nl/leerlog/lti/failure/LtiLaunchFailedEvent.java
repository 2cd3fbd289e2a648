package nl.leerlog.lti.failure;

import java.time.Instant;

/**
 * Published for every refused login or launch, so an admin console can show recent failures by error id.
 *
 * @param registrationId the registration involved, when known
 * @param unverifiedClaims the id_token's claims as sent, unverified, or {@code null} (never the token itself)
 */
public record LtiLaunchFailedEvent(
        String errorId, LtiError error, String detail, String registrationId, String unverifiedClaims, Instant at) {}
