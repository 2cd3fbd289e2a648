package nl.leerlog.tool.keys.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts the tool's private keys for the database with AES-256-GCM: a random 96-bit IV per key and the kid as
 * associated data, so a ciphertext copied to another kid, a wrong encryption key or an altered row fails the tag
 * check instead of producing a garbled key.
 */
@Component
public class PrivateKeyCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    PrivateKeyCipher(KeySettings settings) {
        this.key = parse(settings.encryptionKey());
    }

    static SecretKey parse(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new InvalidEncryptionKeyException("is not set");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidEncryptionKeyException("is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new InvalidEncryptionKeyException("decodes to " + bytes.length + " bytes instead of " + KEY_BYTES);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    EncryptedPrivateKey encrypt(String kid, String privateJwk) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, kid, iv);
            byte[] ciphertext = cipher.doFinal(privateJwk.getBytes(StandardCharsets.UTF_8));
            return new EncryptedPrivateKey(
                    Base64.getEncoder().encodeToString(iv), Base64.getEncoder().encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption is not available", e);
        }
    }

    /** The private JWK, or a {@link ToolKeyDecryptionException} if this is not the key it was encrypted with. */
    String decrypt(String kid, EncryptedPrivateKey encrypted) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, kid, Base64.getDecoder().decode(encrypted.iv()));
            return new String(
                    cipher.doFinal(Base64.getDecoder().decode(encrypted.ciphertext())), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // AEADBadTagException for a wrong key or an altered row; bad base64 for a mangled one
            throw new ToolKeyDecryptionException(kid, e);
        }
    }

    private Cipher cipher(int mode, String kid, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
