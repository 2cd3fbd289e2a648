package nl.leerlog.lti.launch;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.leerlog.lti.claims.LtiLaunch;
import nl.leerlog.lti.login.ToolUrls;
import nl.leerlog.lti.registration.PlatformRegistration;

/**
 * Who may frame the tool (CSP {@code frame-ancestors}). The page that frames a tool is often not on the
 * issuer's origin: Canvas cloud has one issuer, while each school's course page is on its own
 * {@code *.instructure.com} host or on a custom domain. So:
 * <ul>
 * <li>pages before a validated launch (login bridge, cookie probe, platform storage, refusals) hold no user
 * data and may be framed by any origin ({@link #BEFORE_LAUNCH});</li>
 * <li>a launched session's pages may be framed by its registration's origins, the origin of the
 * {@code launch_presentation.return_url} the platform signed into the id_token (Core §5.4.1: the page the
 * user came from), and the configured extras; this is decided at launch and kept with the session.</li>
 * </ul>
 */
public class FrameAncestors {

    /** Before a launch is validated nothing on the page belongs to a user: any LMS page may show it. */
    public static final String BEFORE_LAUNCH = "frame-ancestors *";

    private final List<String> extraOrigins;

    public FrameAncestors(List<String> extraOrigins) {
        this.extraOrigins = List.copyOf(extraOrigins);
    }

    /** The directive for the session a validated launch starts. */
    public String forLaunch(PlatformRegistration registration, LtiLaunch launch) {
        Set<String> origins = new LinkedHashSet<>();
        origins.add("'self'");
        origin(registration.issuer()).ifPresent(origins::add);
        if (registration.authorizationUri() != null) {
            origin(registration.authorizationUri().toString()).ifPresent(origins::add);
        }
        if (host(registration.issuer())
                .filter(host -> host.endsWith(".instructure.com"))
                .isPresent()) {
            // Canvas cloud: one issuer, each school on its own instructure.com host.
            origins.add("https://*.instructure.com");
        }
        returnUrlOrigin(launch).ifPresent(origins::add);
        origins.addAll(extraOrigins);
        return "frame-ancestors " + String.join(" ", origins);
    }

    /** The origin of the signed {@code launch_presentation.return_url}, when it is an http(s) URL. */
    public static Optional<String> returnUrlOrigin(LtiLaunch launch) {
        return launch.presentation() == null
                ? Optional.empty()
                : origin(launch.presentation().returnUrl());
    }

    /** {@code scheme://host[:port]} of an http(s) URL; empty for anything else (some issuers are plain names). */
    public static Optional<String> origin(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        try {
            URI parsed = URI.create(uri);
            String scheme = parsed.getScheme();
            if (parsed.getHost() == null
                    || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                    || !parsed.getHost().matches("[A-Za-z0-9.-]+")) {
                return Optional.empty();
            }
            return Optional.of(ToolUrls.origin(parsed));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> host(String uri) {
        try {
            return Optional.ofNullable(URI.create(uri).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
