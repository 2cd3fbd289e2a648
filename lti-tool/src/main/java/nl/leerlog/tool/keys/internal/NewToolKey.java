package nl.leerlog.tool.keys.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** A freshly generated key pair, its private half already encrypted for the database. */
public record NewToolKey(RSAKey publicKey, EncryptedPrivateKey privateKey) {

    static final int RSA_BITS = 2048;

    String kid() {
        return publicKey.getKeyID();
    }

    /** An RS256 signing key named by its JWK thumbprint (RFC 7638), so a kid never names two keys. */
    public static NewToolKey generate(PrivateKeyCipher cipher) {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(RSA_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key for the tool", e);
        }
        return new NewToolKey(key.toPublicJWK(), cipher.encrypt(key.getKeyID(), key.toJSONString()));
    }
}
