package nl.leerlog.tool.registration.internal;

import java.time.Duration;
import nl.leerlog.tool.registration.RegistrationStatus;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dynamic Registration's settings, bound from {@code leerlog.registration.*}.
 *
 * @param initialStatus the status of a new registration: {@code PENDING} until an admin approves it in the
 *     console (production default), or {@code ACTIVE} right away (the dev profile)
 * @param responseTimeout how long to wait for the platform's answer
 * @see nl.leerlog.lti.http.PlatformHttpSettings where the platform may be (lti.platform-http.allow-private-hosts),
 *     the connection timeout and the largest answer: one setting for every platform call
 */
@ConfigurationProperties("leerlog.registration")
public record RegistrationSettings(
        @DefaultValue("PENDING") RegistrationStatus initialStatus,
        @DefaultValue("15s") Duration responseTimeout) {}
