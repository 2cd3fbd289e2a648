package nl.leerlog.lti.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the tool calls platforms (key sets, tokens, NRPS, Dynamic Registration), bound from {@code lti.platform-http.*}.
 *
 * @param allowPrivateHosts whether platforms may be on private, loopback or link-local addresses and use plain
 *     http; only for development against a platform on one's own machine (the dev profile) and for tests
 * @param connectTimeout how long to wait for a connection to a platform
 * @param responseTimeout how long to wait for a platform's answer, unless the request sets its own
 * @param maxResponseSize the largest answer read from a platform; a Moodle roster of a few thousand members fits
 */
@ConfigurationProperties("lti.platform-http")
public record PlatformHttpSettings(
        @DefaultValue("false") boolean allowPrivateHosts,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration responseTimeout,
        @DefaultValue("5MB") DataSize maxResponseSize) {

    public PlatformHttpSettings {
        if (maxResponseSize.toBytes() < 1 || maxResponseSize.toBytes() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "lti.platform-http.max-response-size must be between 1 byte and 2 GB, was " + maxResponseSize);
        }
    }

    /** The defaults: public https hosts only. */
    public static PlatformHttpSettings defaults() {
        return new PlatformHttpSettings(false, Duration.ofSeconds(5), Duration.ofSeconds(30), DataSize.ofMegabytes(5));
    }

    /** These settings with another answer size limit, e.g. a small one in tests. */
    public PlatformHttpSettings withMaxResponseSize(DataSize size) {
        return new PlatformHttpSettings(allowPrivateHosts, connectTimeout, responseTimeout, size);
    }
}
