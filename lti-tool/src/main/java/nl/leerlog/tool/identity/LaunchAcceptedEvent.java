package nl.leerlog.tool.identity;

import java.time.Instant;
import nl.leerlog.lti.registration.RegistrationKey;

/**
 * Published once for every launch Leerlog accepted, after the course and enrolment are recorded, so that the
 * admin console can show a registration's last launches. Carries no personal data.
 *
 * @param registration the registration (issuer + client id) the launch was validated against
 * @param frameOrigin the origin of the LMS page the launch came from (its signed return URL), or {@code null}
 */
public record LaunchAcceptedEvent(
        RegistrationKey registration,
        String deploymentId,
        String contextTitle,
        CourseRole role,
        String frameOrigin,
        Instant at) {}
