package nl.leerlog.lti.services;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import nl.leerlog.lti.registration.PlatformRegistration;

/**
 * The JWT the tool authenticates itself with at a platform's token endpoint (Sec §4.1, RFC 7523 §3):
 * {@code iss} and {@code sub} are the tool's client id, {@code aud} is exactly the token URL (Canvas compares
 * it as a string), a fresh {@code jti} for every request, a short lifetime, and the {@code kid} of the key the
 * platform finds in the tool's JWKS.
 */
public final class ClientAssertion {

    /** The {@code client_assertion_type} of a JWT bearer assertion (RFC 7523 §2.2). */
    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private ClientAssertion() {}

    public static String sign(PlatformRegistration registration, RSAKey key, Instant now, Duration lifetime) {
        if (registration.tokenUri() == null) {
            throw new IllegalArgumentException("registration " + registration.id() + " has no token URL");
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(registration.clientId())
                .subject(registration.clientId())
                .audience(registration.tokenUri().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(
                    "Cannot sign the client assertion for registration " + registration.id(), e);
        }
    }
}
