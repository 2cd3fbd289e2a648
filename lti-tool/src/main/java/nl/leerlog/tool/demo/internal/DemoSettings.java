package nl.leerlog.tool.demo.internal;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in demo LMS, for trying launches without Canvas. On in the dev profile, off in production.
 *
 * @param enabled whether the demo LMS runs at all: only the dev profile turns it on, never in production
 * @param issuer the demo LMS's issuer, as its id_tokens name it
 * @param clientId the client id the demo LMS gave the tool
 * @param deploymentId the one deployment of the tool in the demo LMS
 * @param lmsUrl where browsers reach the demo LMS; empty: {@code http://localhost:<port>}
 * @param toolUrl where browsers reach the tool; empty: the same as the LMS. Give the two different
 *     hosts (e.g. {@code lms.localhost} and {@code tool.localhost}) to try a real cross-site frame
 * @param courseUrl where browsers open the course page that frames the tool; empty: the LMS URL. Give it a host
 *     of its own (e.g. {@code school.localhost}) to try a school's own LMS domain, as with Canvas cloud, whose
 *     course pages are not on the issuer's or the authorization endpoint's origin
 * @param sampleCourse whether the demo course starts filled with sample interns, their logs and threads
 */
@ConfigurationProperties("leerlog.demo")
public record DemoSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("https://demo-lms.leerlog.invalid") String issuer,
        @DefaultValue("leerlog-demo") String clientId,
        @DefaultValue("demo-deployment-1") String deploymentId,
        URI lmsUrl,
        URI toolUrl,
        URI courseUrl,
        @DefaultValue("false") boolean sampleCourse) {}
