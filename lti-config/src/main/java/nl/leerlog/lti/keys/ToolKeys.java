package nl.leerlog.lti.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/** The tool's own signing keys: the one it signs with now, and every public key a platform may still need. */
public interface ToolKeys {

    /** The private key the tool signs service assertions with. */
    RSAKey signingKey();

    /** The public keys to publish at {@code /.well-known/jwks.json}: current, next and recently retired. */
    JWKSet publicKeys();
}
