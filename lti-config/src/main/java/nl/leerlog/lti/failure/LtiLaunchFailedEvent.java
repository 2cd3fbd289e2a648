package nl.leerlog.lti.failure;

import java.time.Instant;
import nl.leerlog.lti.registration.RegistrationKey;

/**
 * Published for every refused login or launch, so an admin console can show recent failures by error id.
 *
 * @param registration the registration involved, when known
 * @param unverifiedClaims the id_token's claims as sent, unverified, or {@code null} (never the token itself)
 */
public record LtiLaunchFailedEvent(
        String errorId,
        LtiError error,
        String detail,
        RegistrationKey registration,
        String unverifiedClaims,
        Instant at) {}
