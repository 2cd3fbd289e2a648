package nl.leerlog.lti.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.leerlog.lti.claims.LtiClaims;
import nl.leerlog.lti.http.PlatformHttp;
import nl.leerlog.lti.http.PlatformHttpSettings;
import nl.leerlog.lti.http.PublicAddressGuard;
import nl.leerlog.lti.registration.PlatformRegistration;

/**
 * A platform for tests: its own RSA keys, a JWKS served by WireMock, and signed launches with chosen
 * claims. Start it, register it with the tool ({@link #properties(int)} or {@link #registration()}),
 * then let a {@link LaunchClient} play the browser.
 */
public class TestPlatform implements AutoCloseable {

    public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

    private final WireMockServer server;
    private final String issuer;
    private final String clientId;
    private final String deploymentId;
    private final List<RSAKey> keys = new ArrayList<>();
    private RSAKey signingKey;

    private TestPlatform(String issuer, String clientId, String deploymentId) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.deploymentId = deploymentId;
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        this.server.start();
        this.signingKey = newKey();
        publishKeys();
    }

    public static TestPlatform start() {
        return start("https://platform.example.edu", "client-" + UUID.randomUUID(), "deployment-1");
    }

    public static TestPlatform start(String issuer, String clientId, String deploymentId) {
        return new TestPlatform(issuer, clientId, deploymentId);
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public String deploymentId() {
        return deploymentId;
    }

    public URI jwkSetUri() {
        return URI.create(server.baseUrl() + "/jwks");
    }

    public URI authorizationUri() {
        return URI.create(server.baseUrl() + "/authorize");
    }

    public URI tokenUri() {
        return URI.create(server.baseUrl() + "/token");
    }

    public WireMockServer server() {
        return server;
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    public PlatformRegistration registration() {
        return new PlatformRegistration(
                issuer,
                clientId,
                Set.of(deploymentId),
                authorizationUri(),
                jwkSetUri(),
                tokenUri(),
                PlatformRegistration.DEFAULT_ALGORITHMS,
                null);
    }

    /**
     * This platform's registration with its URLs over {@code scheme}, on the same host and port. Over https a
     * refusal must come from the address check (127.0.0.1), not from the https-only rule; were the address let
     * through, the TLS handshake with this plain-http server would fail in another way.
     */
    public PlatformRegistration registrationOver(String scheme) {
        return new PlatformRegistration(
                issuer,
                clientId,
                Set.of(deploymentId),
                withScheme(authorizationUri(), scheme),
                withScheme(jwkSetUri(), scheme),
                withScheme(tokenUri(), scheme),
                PlatformRegistration.DEFAULT_ALGORITHMS,
                null);
    }

    private static URI withScheme(URI uri, String scheme) {
        return URI.create(scheme + uri.toString().substring(uri.getScheme().length()));
    }

    /**
     * The tool's platform client as a test without Spring needs it: a test platform is on 127.0.0.1, so
     * private hosts are allowed, as in the dev profile. Close it after the test.
     */
    public static PlatformHttp localHttp() {
        return new PlatformHttp(new PublicAddressGuard(true), PlatformHttpSettings.defaults());
    }

    /** {@code lti.platforms[index].*} properties that register this platform statically. */
    public Map<String, String> properties(int index) {
        String prefix = "lti.platforms[" + index + "].";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(prefix + "issuer", issuer);
        properties.put(prefix + "client-id", clientId);
        properties.put(prefix + "deployment-ids", deploymentId);
        properties.put(prefix + "authorization-uri", authorizationUri().toString());
        properties.put(prefix + "jwk-set-uri", jwkSetUri().toString());
        properties.put(prefix + "token-uri", tokenUri().toString());
        return properties;
    }

    /** A new key pair, not yet published. */
    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes a new signing key next to the old ones and signs with it from now on. */
    public RSAKey rotateKey() {
        signingKey = newKey();
        publishKeys();
        return signingKey;
    }

    private void publishKeys() {
        keys.add(signingKey);
        JWKSet set = new JWKSet(keys.stream()
                .map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK())
                .toList());
        server.stubFor(get(urlEqualTo("/jwks"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(set.toString(true))));
    }

    /** The claims of a valid resource link launch of a student, for the given nonce. */
    public JWTClaimsSet.Builder launchClaims(String nonce, String targetLinkUri) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("user-" + UUID.randomUUID())
                .audience(clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce)
                .claim("name", "Sanne de Vries")
                .claim("given_name", "Sanne")
                .claim("family_name", "de Vries")
                .claim("email", "sanne@example.edu")
                .claim("locale", "nl")
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
                .claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION)
                .claim(LtiClaims.DEPLOYMENT_ID, deploymentId)
                .claim(LtiClaims.TARGET_LINK_URI, targetLinkUri)
                .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "course-101", "title", "Leerlog"))
                .claim(
                        LtiClaims.CONTEXT,
                        Map.of(
                                "id",
                                "course-101",
                                "label",
                                "STAGE",
                                "title",
                                "Stage 2026",
                                "type",
                                List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")))
                .claim(LtiClaims.ROLES, List.of(LEARNER))
                .claim(LtiClaims.LAUNCH_PRESENTATION, Map.of("document_target", "iframe", "locale", "nl"));
    }

    public String sign(JWTClaimsSet claims) {
        return sign(
                claims,
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signingKey.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                signingKey);
    }

    public static String sign(JWTClaimsSet claims, JWSHeader header, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
