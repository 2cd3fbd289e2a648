package nl.leerlog.lti.config;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.leerlog.lti.login.ToolUrls;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.lti.registration.PlatformRegistrations;

/**
 * The origins that may frame the tool (CSP {@code frame-ancestors}): the registered platforms' issuer and
 * authorization origins, every Instructure-hosted school for a Canvas cloud issuer, and configured extras
 * (e.g. a self-hosted Canvas's own domain). Recomputed at most once a minute.
 */
public class FrameAncestors {

    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final PlatformRegistrations registrations;
    private final List<String> extraOrigins;
    private final Clock clock;
    private volatile String directive;
    private volatile Instant computedAt = Instant.MIN;

    public FrameAncestors(PlatformRegistrations registrations, List<String> extraOrigins, Clock clock) {
        this.registrations = registrations;
        this.extraOrigins = List.copyOf(extraOrigins);
        this.clock = clock;
    }

    public String directive() {
        Instant now = clock.instant();
        if (directive == null || computedAt.plus(REFRESH).isBefore(now)) {
            directive = compute(registrations.all());
            computedAt = now;
        }
        return directive;
    }

    private String compute(Collection<PlatformRegistration> all) {
        Set<String> origins = new LinkedHashSet<>();
        origins.add("'self'");
        for (PlatformRegistration registration : all) {
            addOrigin(origins, registration.issuer());
            if (registration.authorizationUri() != null) {
                addOrigin(origins, registration.authorizationUri().toString());
            }
            String issuerHost = host(registration.issuer());
            if (issuerHost != null && issuerHost.endsWith(".instructure.com")) {
                // Canvas cloud: one issuer, each school on its own instructure.com host.
                origins.add("https://*.instructure.com");
            }
        }
        origins.addAll(extraOrigins);
        return "frame-ancestors " + String.join(" ", origins);
    }

    private static void addOrigin(Set<String> origins, String uri) {
        try {
            URI parsed = URI.create(uri);
            if (parsed.getScheme() != null && parsed.getHost() != null) {
                origins.add(ToolUrls.origin(parsed));
            }
        } catch (IllegalArgumentException ignored) {
            // Not a URL (some issuers are plain names): nothing to allow.
        }
    }

    private static String host(String uri) {
        try {
            return URI.create(uri).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
