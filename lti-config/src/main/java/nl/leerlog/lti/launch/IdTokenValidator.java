package nl.leerlog.lti.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import nl.leerlog.lti.claims.LaunchClaimsReader;
import nl.leerlog.lti.claims.LtiLaunch;
import nl.leerlog.lti.failure.LtiError;
import nl.leerlog.lti.failure.LtiLaunchException;
import nl.leerlog.lti.login.LoginState;
import nl.leerlog.lti.registration.PlatformRegistration;

/**
 * Checks an id_token the way the 1EdTech Security Framework asks (Sec §5.1.3) and reads its LTI claims
 * (Core §5.3). Every refusal is an {@link LtiLaunchException} naming the rule that failed.
 */
public class IdTokenValidator {

    private final PlatformKeys platformKeys;
    private final Clock clock;
    private final Duration defaultClockSkew;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    public IdTokenValidator(PlatformKeys platformKeys, Clock clock, Duration defaultClockSkew) {
        this.platformKeys = platformKeys;
        this.clock = clock;
        this.defaultClockSkew = defaultClockSkew;
    }

    /** Parses without trusting anything yet: refuses what is not a signed JWT at all. */
    public static SignedJWT parse(String idToken) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken);
        } catch (ParseException e) {
            throw new LtiLaunchException(LtiError.LAUNCH_NOT_A_JWT, "unparseable id_token: " + e.getMessage(), e);
        }
        if (jwt instanceof PlainJWT) {
            // Sec §5.1.3 step 1: an unsecured JWT (alg "none") is never accepted.
            throw new LtiLaunchException(LtiError.SIGNATURE_ALGORITHM_REFUSED, "alg none");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new LtiLaunchException(LtiError.LAUNCH_NOT_A_JWT, "encrypted JWT");
        }
        return signed;
    }

    public LtiLaunch validate(SignedJWT jwt, LoginState state, PlatformRegistration registration) {
        verifySignature(jwt, registration);
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new LtiLaunchException(
                    LtiError.CLAIM_WRONG_TYPE, "registered claim of wrong type: " + e.getMessage(), e);
        }
        verifyIdentity(claims, registration);
        verifyTimes(claims, registration);
        // Sec §5.1.3 step 9 and §7.3.1: the nonce is the one issued with this browser's state.
        if (!state.nonce().equals(stringClaim(claims, "nonce"))) {
            throw new LtiLaunchException(LtiError.NONCE_MISMATCH, "nonce does not match the login state");
        }
        LtiLaunch launch = LaunchClaimsReader.read(registration.id(), claims);
        // Core §5.3.3: the deployment must be one the platform registered for this client.
        if (!registration.hasDeployment(launch.deploymentId())) {
            throw new LtiLaunchException(
                    LtiError.DEPLOYMENT_UNKNOWN,
                    "deployment " + launch.deploymentId() + " is not registered for " + registration.id());
        }
        // The platform must launch the link the login was started for (Core §5.3.4, Sec §5.1.1.1).
        if (!launch.targetLinkUri().equals(state.targetLinkUri())) {
            throw new LtiLaunchException(
                    LtiError.TARGET_LINK_MISMATCH,
                    "target_link_uri " + launch.targetLinkUri() + " differs from the login's " + state.targetLinkUri());
        }
        return launch;
    }

    private void verifySignature(SignedJWT jwt, PlatformRegistration registration) {
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm algorithm = header.getAlgorithm();
        // Sec §5.1.3 step 1 / §5.4: asymmetric algorithms from the registration's list only; never HMAC.
        if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)
                || !registration.algorithms().contains(algorithm)) {
            throw new LtiLaunchException(LtiError.SIGNATURE_ALGORITHM_REFUSED, "alg " + algorithm);
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw new LtiLaunchException(LtiError.SIGNATURE_MISSING_KID, "no kid in the JOSE header");
        }
        JWK key = platformKeys.signingKey(registration, header.getKeyID(), algorithm);
        try {
            if (!(key instanceof AsymmetricJWK asymmetric)) {
                throw new LtiLaunchException(
                        LtiError.SIGNATURE_INVALID, "kid " + header.getKeyID() + " is not a public key");
            }
            JWSVerifier verifier = verifiers.createJWSVerifier(header, asymmetric.toPublicKey());
            if (!jwt.verify(verifier)) {
                throw new LtiLaunchException(
                        LtiError.SIGNATURE_INVALID, "signature does not verify with kid " + header.getKeyID());
            }
        } catch (JOSEException e) {
            throw new LtiLaunchException(LtiError.SIGNATURE_INVALID, "cannot verify: " + e.getMessage(), e);
        }
    }

    private void verifyIdentity(JWTClaimsSet claims, PlatformRegistration registration) {
        // Sec §5.1.3 step 2: the issuer is the platform the login was started for.
        if (!registration.issuer().equals(claims.getIssuer())) {
            throw new LtiLaunchException(LtiError.ISSUER_MISMATCH, "iss " + claims.getIssuer());
        }
        // Sec §5.1.3 step 3: aud contains the tool's client id.
        List<String> audience = claims.getAudience();
        if (!audience.contains(registration.clientId())) {
            throw new LtiLaunchException(LtiError.AUDIENCE_MISMATCH, "aud " + audience);
        }
        // Sec §5.1.3 steps 4-5: with several audiences azp is required; when present it is our client id.
        String authorizedParty = stringClaim(claims, "azp");
        if (audience.size() > 1 && authorizedParty == null) {
            throw new LtiLaunchException(LtiError.AUTHORIZED_PARTY_MISMATCH, "several audiences and no azp");
        }
        if (authorizedParty != null && !authorizedParty.equals(registration.clientId())) {
            throw new LtiLaunchException(LtiError.AUTHORIZED_PARTY_MISMATCH, "azp " + authorizedParty);
        }
    }

    private void verifyTimes(JWTClaimsSet claims, PlatformRegistration registration) {
        Duration skew = registration.clockSkew() != null ? registration.clockSkew() : defaultClockSkew;
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expires == null || issued == null) {
            throw new LtiLaunchException(LtiError.TOKEN_TIMES_MISSING, "exp or iat missing");
        }
        // Sec §5.1.3 step 7: the current time is before exp (allowing for clock skew).
        if (!now.isBefore(expires.toInstant().plus(skew))) {
            throw new LtiLaunchException(LtiError.TOKEN_EXPIRED, "exp " + expires.toInstant() + ", now " + now);
        }
        // Sec §5.1.3 step 8: a token issued in the future is refused.
        if (issued.toInstant().minus(skew).isAfter(now)) {
            throw new LtiLaunchException(LtiError.TOKEN_ISSUED_IN_FUTURE, "iat " + issued.toInstant() + ", now " + now);
        }
        // OIDC Core §2 / RFC 7519 §4.1.5 (referenced by Sec §5.1.3): a token is not accepted before its nbf.
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().minus(skew).isAfter(now)) {
            throw new LtiLaunchException(LtiError.TOKEN_NOT_YET_VALID, "nbf " + notBefore.toInstant() + ", now " + now);
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new LtiLaunchException(LtiError.CLAIM_WRONG_TYPE, "claim " + name + " is not a string", e);
        }
    }
}
