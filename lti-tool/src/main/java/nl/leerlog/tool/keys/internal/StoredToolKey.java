package nl.leerlog.tool.keys.internal;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;

/** A row of {@code tool_key}: the public key as published, the private key still encrypted. */
public record StoredToolKey(
        String kid,
        RSAKey publicKey,
        EncryptedPrivateKey privateKey,
        ToolKeyState state,
        Instant createdAt,
        Instant activatedAt,
        Instant retiredAt) {

    public ToolKeyView view() {
        return new ToolKeyView(kid, state, createdAt, activatedAt, retiredAt);
    }
}
