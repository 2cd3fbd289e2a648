package nl.leerlog.tool.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PrivateKeyCipherTests {

    private final PrivateKeyCipher cipher = new PrivateKeyCipher(settings(randomKey()));

    @Test
    void encryptedPrivateKeyDecryptsToTheSameKey() throws Exception {
        NewToolKey key = NewToolKey.generate(cipher);

        RSAKey decrypted = RSAKey.parse(cipher.decrypt(key.kid(), key.privateKey()));

        assertThat(decrypted.isPrivate()).isTrue();
        assertThat(decrypted.getKeyID()).isEqualTo(key.kid());
        assertThat(decrypted.toPublicJWK()).isEqualTo(key.publicKey());
    }

    @Test
    void storedFormHoldsNoPrivateKeyMaterialInTheClear() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();

        EncryptedPrivateKey encrypted = cipher.encrypt(key.getKeyID(), key.toJSONString());

        String stored = new String(Base64.getDecoder().decode(encrypted.ciphertext()), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain(key.getPrivateExponent().toString()).doesNotContain("\"d\"");
        assertThat(encrypted.ciphertext())
                .doesNotContain(key.getPrivateExponent().toString());
    }

    @Test
    void everyEncryptionHasAFreshIv() {
        EncryptedPrivateKey first = cipher.encrypt("kid-1", sampleJwk());
        EncryptedPrivateKey second = cipher.encrypt("kid-1", sampleJwk());

        assertThat(Base64.getDecoder().decode(first.iv())).hasSize(12);
        assertThat(first.iv()).isNotEqualTo(second.iv());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void anotherEncryptionKeyFailsClearlyInsteadOfReturningAGarbledKey() {
        EncryptedPrivateKey encrypted = cipher.encrypt("kid-1", sampleJwk());
        PrivateKeyCipher other = new PrivateKeyCipher(settings(randomKey()));

        assertThatThrownBy(() -> other.decrypt("kid-1", encrypted))
                .isInstanceOf(ToolKeyDecryptionException.class)
                .hasMessageContaining("kid-1")
                .hasMessageContaining("leerlog.keys.encryption-key is not the key it was encrypted with");
    }

    @Test
    void ciphertextMovedToAnotherKidDoesNotDecrypt() {
        EncryptedPrivateKey encrypted = cipher.encrypt("kid-1", sampleJwk());

        assertThatThrownBy(() -> cipher.decrypt("kid-2", encrypted)).isInstanceOf(ToolKeyDecryptionException.class);
    }

    @Test
    void alteredCiphertextDoesNotDecrypt() {
        EncryptedPrivateKey encrypted = cipher.encrypt("kid-1", sampleJwk());
        byte[] bytes = Base64.getDecoder().decode(encrypted.ciphertext());
        bytes[0] ^= 1;
        EncryptedPrivateKey altered =
                new EncryptedPrivateKey(encrypted.iv(), Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> cipher.decrypt("kid-1", altered)).isInstanceOf(ToolKeyDecryptionException.class);
    }

    @Test
    void missingEncryptionKeyIsRefusedWithWhatToSet() {
        assertThatThrownBy(() -> new PrivateKeyCipher(settings(null)))
                .isInstanceOf(InvalidEncryptionKeyException.class)
                .hasMessageContaining("leerlog.keys.encryption-key is not set")
                .hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new PrivateKeyCipher(settings("  ")))
                .isInstanceOf(InvalidEncryptionKeyException.class)
                .hasMessageContaining("is not set");
    }

    @Test
    void encryptionKeyThatIsNotBase64IsRefused() {
        assertThatThrownBy(() -> new PrivateKeyCipher(settings("not base64 at all!")))
                .isInstanceOf(InvalidEncryptionKeyException.class)
                .hasMessageContaining("is not valid base64");
    }

    @Test
    void encryptionKeyOfAnotherLengthThan32BytesIsRefused() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> new PrivateKeyCipher(settings(sixteenBytes)))
                .isInstanceOf(InvalidEncryptionKeyException.class)
                .hasMessageContaining("decodes to 16 bytes instead of 32");
    }

    @Test
    void settingsNeverShowTheEncryptionKey() {
        String key = randomKey();

        assertThat(settings(key).toString()).doesNotContain(key).contains("(hidden)");
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static KeySettings settings(String encryptionKey) {
        return new KeySettings(
                encryptionKey, Duration.ofDays(90), Duration.ofDays(1), Duration.ofMinutes(10), Duration.ofMinutes(1));
    }

    private static String sampleJwk() {
        return "{\"kty\":\"RSA\",\"kid\":\"kid-1\",\"n\":\"sample\",\"e\":\"AQAB\",\"d\":\"secret\"}";
    }
}
