package nl.leerlog.tool.registration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dynamic Registration's settings, bound from {@code leerlog.registration.*}.
 *
 * @param initialStatus the status of a new registration: {@code PENDING} until an admin approves it in the
 *     console (production default), or {@code ACTIVE} right away (the dev profile)
 * @param allowPrivateHosts whether the platform may be on a private, loopback or link-local address, and may
 *     use plain http; only for development against a platform on one's own machine (dev profile, tests)
 * @param connectTimeout how long to wait for a connection to the platform
 * @param responseTimeout how long to wait for the platform's answer
 * @param maxResponseBytes the largest answer read from the platform
 */
@ConfigurationProperties("leerlog.registration")
public record RegistrationSettings(
        @DefaultValue("PENDING") RegistrationStatus initialStatus,
        @DefaultValue("false") boolean allowPrivateHosts,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration responseTimeout,
        @DefaultValue("262144") int maxResponseBytes) {
}
