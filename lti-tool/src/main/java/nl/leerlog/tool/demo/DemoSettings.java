package nl.leerlog.tool.demo;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in demo LMS, for trying launches without Canvas. On in the dev profile, off in production.
 *
 * @param lmsUrl where browsers reach the demo LMS; empty: {@code http://localhost:<port>}
 * @param toolUrl where browsers reach the tool; empty: the same as the LMS. Give the two different
 *     hosts (e.g. {@code lms.localhost} and {@code tool.localhost}) to try a real cross-site frame
 */
@ConfigurationProperties("leerlog.demo")
public record DemoSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("https://demo-lms.leerlog.invalid") String issuer,
        @DefaultValue("leerlog-demo") String clientId,
        @DefaultValue("demo-deployment-1") String deploymentId,
        URI lmsUrl,
        URI toolUrl) {
}
