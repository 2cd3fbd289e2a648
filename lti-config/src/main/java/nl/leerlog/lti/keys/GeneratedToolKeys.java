package nl.leerlog.lti.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** One RSA key made at start-up: enough for a single instance or a test; production keeps keys in its database. */
public class GeneratedToolKeys implements ToolKeys {

    private final RSAKey key;

    public GeneratedToolKeys() {
        try {
            this.key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the tool's RSA key", e);
        }
    }

    @Override
    public RSAKey signingKey() {
        return key;
    }

    @Override
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }
}
