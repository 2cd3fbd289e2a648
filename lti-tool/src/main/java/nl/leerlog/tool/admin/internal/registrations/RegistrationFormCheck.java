package nl.leerlog.tool.admin.internal.registrations;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import nl.leerlog.tool.registration.RegistrationDetails;
import nl.leerlog.tool.system.DatabaseText;
import nl.leerlog.tool.web.FieldErrors;

/**
 * Checks a {@link RegistrationForm} and turns it into registration details. Every rule rejects with a message
 * key for the field it concerns, so the page can show each error next to its field.
 */
final class RegistrationFormCheck {

    /** RS256 always; a registration may widen it (Sec §5.1.3 step 1 / §5.4; lti.md). */
    static final List<String> ALGORITHMS = List.of("RS256", "RS384", "RS512", "ES256");
    /** Canvas's privacy levels (developer key JSON, canvas.md). */
    static final List<String> PRIVACY_LEVELS = List.of("public", "name_only", "email_only", "anonymous");

    static final int MAX_CLOCK_SKEW_SECONDS = 600;
    static final int MAX_DEPLOYMENTS = 100;

    /** The checked input: details and deployment ids, or the errors. */
    record Result(RegistrationDetails details, Set<String> deploymentIds, FieldErrors errors) {}

    private RegistrationFormCheck() {}

    static Result check(RegistrationForm form) {
        FieldErrors.Builder errors = new FieldErrors.Builder();
        String issuer = required(errors, "issuer", form.issuer(), 255);
        URI issuerUri = issuer == null ? null : url(errors, "issuer", issuer, 255);
        if (issuerUri != null && (issuerUri.getRawQuery() != null || issuerUri.getRawFragment() != null)) {
            // OIDC Core §2 (iss): a case-sensitive https URL without query or fragment.
            errors.reject("issuer", "admin.registration.error.issuer-query");
        }
        String clientId = required(errors, "clientId", form.clientId(), 255);
        String platformName = optional(errors, "platformName", form.platformName(), 255);
        URI authorizationUri = url(
                errors, "authorizationUri", required(errors, "authorizationUri", form.authorizationUri(), 2000), 2000);
        URI jwkSetUri = url(errors, "jwkSetUri", required(errors, "jwkSetUri", form.jwkSetUri(), 2000), 2000);
        String token = optional(errors, "tokenUri", form.tokenUri(), 2000);
        URI tokenUri = token == null ? null : url(errors, "tokenUri", token, 2000);
        Set<String> algorithms = algorithms(errors, form.algorithms());
        Duration clockSkew = clockSkew(errors, form.clockSkewSeconds());
        String privacyLevel = optional(errors, "privacyLevel", form.privacyLevel(), 20);
        if (privacyLevel != null && !PRIVACY_LEVELS.contains(privacyLevel)) {
            errors.reject("privacyLevel", "admin.registration.error.privacy-level");
        }
        Set<String> deploymentIds = deploymentIds(errors, form.deploymentIds());
        FieldErrors found = errors.build();
        if (found.any()) {
            return new Result(null, deploymentIds, found);
        }
        return new Result(
                new RegistrationDetails(
                        issuer,
                        clientId,
                        authorizationUri,
                        jwkSetUri,
                        tokenUri,
                        algorithms,
                        platformName,
                        clockSkew,
                        privacyLevel),
                deploymentIds,
                found);
    }

    /** One deployment id, as added on a registration's page. */
    static FieldErrors checkDeploymentId(String deploymentId) {
        FieldErrors.Builder errors = new FieldErrors.Builder();
        required(errors, "deploymentId", deploymentId, 255);
        return errors.build();
    }

    private static String required(FieldErrors.Builder errors, String field, String value, int maxLength) {
        String text = optional(errors, field, value, maxLength);
        if (text == null && !errors.has(field)) {
            errors.reject(field, "admin.registration.error.required");
        }
        return text;
    }

    /** The trimmed value, or {@code null} when empty; too long or unstorable text is rejected. */
    private static String optional(FieldErrors.Builder errors, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (!DatabaseText.storable(text) || text.chars().anyMatch(Character::isISOControl)) {
            errors.reject(field, "admin.registration.error.characters");
            return null;
        }
        if (text.length() > maxLength) {
            errors.reject(field, "admin.registration.error.too-long");
            return null;
        }
        return text;
    }

    /**
     * An absolute https URL; plain http only for a loopback host, as a platform on a developer's machine
     * (Sec §3: every LTI message and service call travels over TLS).
     */
    private static URI url(FieldErrors.Builder errors, String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
                errors.reject(field, "admin.registration.error.url");
                return null;
            }
            if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
                errors.reject(field, "admin.registration.error.https");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            errors.reject(field, "admin.registration.error.url");
            return null;
        }
    }

    private static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost")
                || name.endsWith(".localhost")
                || name.equals("127.0.0.1")
                || name.equals("[::1]");
    }

    private static Set<String> algorithms(FieldErrors.Builder errors, List<String> chosen) {
        Set<String> algorithms = new TreeSet<>();
        for (String algorithm : chosen) {
            if (!ALGORITHMS.contains(algorithm)) {
                errors.reject("algorithms", "admin.registration.error.algorithm");
                return Set.of();
            }
            algorithms.add(algorithm);
        }
        if (!algorithms.contains("RS256")) {
            // Sec §5.1.3 step 1 / §5.4: RS256 is the algorithm every platform signs with; others only widen it.
            errors.reject("algorithms", "admin.registration.error.rs256");
        }
        return algorithms;
    }

    private static Duration clockSkew(FieldErrors.Builder errors, String value) {
        String text = optional(errors, "clockSkewSeconds", value, 10);
        if (text == null) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(text);
            if (seconds < 0 || seconds > MAX_CLOCK_SKEW_SECONDS) {
                errors.reject("clockSkewSeconds", "admin.registration.error.clock-skew");
                return null;
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            errors.reject("clockSkewSeconds", "admin.registration.error.clock-skew");
            return null;
        }
    }

    private static Set<String> deploymentIds(FieldErrors.Builder errors, String value) {
        Set<String> ids = new LinkedHashSet<>();
        if (value == null) {
            return ids;
        }
        for (String line : Arrays.stream(value.split("[\\r\\n,]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList()) {
            if (!DatabaseText.storable(line) || line.chars().anyMatch(Character::isISOControl)) {
                errors.reject("deploymentIds", "admin.registration.error.characters");
            } else if (line.length() > 255) {
                errors.reject("deploymentIds", "admin.registration.error.too-long");
            } else {
                ids.add(line);
            }
        }
        if (ids.size() > MAX_DEPLOYMENTS) {
            errors.reject("deploymentIds", "admin.registration.error.too-many-deployments");
        }
        return ids;
    }
}
