package nl.leerlog.lti.services;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the tool calls a platform's services (token endpoint, NRPS), bound from {@code lti.services.*}.
 *
 * @param assertionLifetime how long the signed client assertion is valid ({@code exp - iat})
 * @param tokenRenewalMargin an access token is fetched anew this long before it expires
 * @param attempts how often one request is tried when the platform answers 5xx or cannot be reached
 * @param firstRetryDelay the wait before the second attempt; each later wait doubles
 * @param requestTimeout how long to wait for one answer of the platform (connections: {@code lti.platform-http.*})
 * @param maxPages most pages one membership read follows, so a platform's paging loop cannot run forever
 */
@ConfigurationProperties("lti.services")
public record ServiceCallSettings(
        @DefaultValue("5m") Duration assertionLifetime,
        @DefaultValue("60s") Duration tokenRenewalMargin,
        @DefaultValue("3") int attempts,
        @DefaultValue("500ms") Duration firstRetryDelay,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("1000") int maxPages) {

    public ServiceCallSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("lti.services.attempts must be at least 1, was " + attempts);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("lti.services.max-pages must be at least 1, was " + maxPages);
        }
    }

    /** The defaults, for code that builds the service clients without Spring. */
    public static ServiceCallSettings defaults() {
        return new ServiceCallSettings(
                Duration.ofMinutes(5), Duration.ofSeconds(60), 3, Duration.ofMillis(500), Duration.ofSeconds(30), 1000);
    }

    /** These settings with other retry delays, e.g. a few milliseconds in tests. */
    public ServiceCallSettings withFirstRetryDelay(Duration delay) {
        return new ServiceCallSettings(
                assertionLifetime, tokenRenewalMargin, attempts, delay, requestTimeout, maxPages);
    }
}
