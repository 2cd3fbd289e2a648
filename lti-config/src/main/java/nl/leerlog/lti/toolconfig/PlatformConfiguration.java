package nl.leerlog.lti.toolconfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.lti.toolconfig.PlatformConfigurationException.Problem;

/**
 * A platform's OpenID configuration as Dynamic Registration reads it (DR §3.4, §3.5.1), checked.
 *
 * @param productFamilyCode from the LTI platform configuration ({@code canvas}, {@code moodle}, ...); may be null
 */
public record PlatformConfiguration(
        String issuer,
        URI authorizationEndpoint,
        URI tokenEndpoint,
        URI jwksUri,
        URI registrationEndpoint,
        List<String> signingAlgorithms,
        String productFamilyCode) {

    public static final String LTI_PLATFORM_CONFIGURATION =
            "https://purl.imsglobal.org/spec/lti-platform-configuration";

    /**
     * Reads and checks the configuration fetched from {@code configurationUrl}.
     *
     * @param allowHttp whether plain http is acceptable (development against a local platform only)
     * @throws PlatformConfigurationException naming the first problem found
     */
    public static PlatformConfiguration read(Map<String, ?> json, URI configurationUrl, boolean allowHttp) {
        String issuer = text(json, "issuer");
        URI issuerUri = issuer(issuer, allowHttp);
        // DR §3.4 / §3.5.1 (issuer and OpenID configuration URL match): the issuer's host is the host the
        // configuration came from, so a platform cannot speak for another one.
        if (!issuerUri.getHost().equalsIgnoreCase(configurationUrl.getHost())) {
            throw new PlatformConfigurationException(Problem.ISSUER_HOST_MISMATCH, "issuer");
        }
        URI authorization = endpoint(json, "authorization_endpoint", allowHttp);
        URI registration = endpoint(json, "registration_endpoint", allowHttp);
        URI jwks = endpoint(json, "jwks_uri", allowHttp);
        URI token = endpoint(json, "token_endpoint", allowHttp);
        List<String> algorithms = strings(json, "id_token_signing_alg_values_supported");
        // DR §3.5.1 and Sec §5.1.3: RS256 is the algorithm every platform must offer.
        if (!algorithms.contains("RS256")) {
            throw new PlatformConfigurationException(
                    Problem.RS256_UNSUPPORTED, "id_token_signing_alg_values_supported");
        }
        if (!(json.get(LTI_PLATFORM_CONFIGURATION) instanceof Map<?, ?> platform)) {
            throw new PlatformConfigurationException(Problem.FIELD_MISSING, LTI_PLATFORM_CONFIGURATION);
        }
        String productFamily =
                platform.get("product_family_code") instanceof String code && !code.isBlank() ? code : null;
        return new PlatformConfiguration(issuer, authorization, token, jwks, registration, algorithms, productFamily);
    }

    /** Whether a URL may be used: absolute, http(s) with a host, no user info; https unless http is allowed. */
    public static boolean acceptableUrl(URI uri, boolean allowHttp) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return "https".equals(scheme) || (allowHttp && "http".equals(scheme));
    }

    private static URI issuer(String issuer, boolean allowHttp) {
        URI uri = parse(issuer);
        // OpenID Connect Core §2 (iss): an https URL with scheme, host, optional port and path, no query or fragment.
        if (uri == null
                || !uri.isAbsolute()
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new PlatformConfigurationException(Problem.ISSUER_INVALID, "issuer");
        }
        if (!acceptableUrl(uri, allowHttp)) {
            throw new PlatformConfigurationException(Problem.ISSUER_INSECURE, "issuer");
        }
        return uri;
    }

    private static URI endpoint(Map<String, ?> json, String field, boolean allowHttp) {
        URI uri = parse(text(json, field));
        if (!acceptableUrl(uri, allowHttp)) {
            throw new PlatformConfigurationException(Problem.FIELD_NOT_A_URL, field);
        }
        return uri;
    }

    private static String text(Map<String, ?> json, String field) {
        if (json.get(field) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new PlatformConfigurationException(Problem.FIELD_MISSING, field);
    }

    private static List<String> strings(Map<String, ?> json, String field) {
        if (json.get(field) instanceof List<?> values && !values.isEmpty()) {
            return values.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        throw new PlatformConfigurationException(Problem.FIELD_MISSING, field);
    }

    private static URI parse(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
