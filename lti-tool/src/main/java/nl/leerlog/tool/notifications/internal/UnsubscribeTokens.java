package nl.leerlog.tool.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.leerlog.tool.notifications.internal.NotificationKind.Topic;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The signed, single-purpose token of an unsubscribe link: whose mail, which course and which topic (or every
 * topic, for a digest), with an HMAC-SHA256 over exactly that and the purpose. It needs no login (RFC 8058 §3.2:
 * the link must work from the mail alone) and can do nothing but unsubscribe. The key is
 * {@code leerlog.mail.unsubscribe-secret}, else derived from the tool keys' encryption key, so every instance
 * signs alike; in development without either, a key of this run.
 */
@Component
class UnsubscribeTokens {

    private static final String PURPOSE = "leerlog-unsubscribe-v1";

    /** What a valid token unsubscribes from; {@code topic} empty: every topic of the course. */
    record Target(long userId, long courseId, Optional<Topic> topic) {}

    private final byte[] key;

    UnsubscribeTokens(Environment environment) {
        String secret = environment.getProperty("leerlog.mail.unsubscribe-secret", "");
        if (secret.isBlank()) {
            String encryptionKey = environment.getProperty("leerlog.keys.encryption-key", "");
            secret = encryptionKey.isBlank() ? null : "derived:" + encryptionKey;
        }
        if (secret == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.key = random;
        } else {
            this.key = hmac(PURPOSE.getBytes(StandardCharsets.UTF_8), secret);
        }
    }

    String sign(long userId, long courseId, Optional<Topic> topic) {
        String payload = userId + "." + courseId + "." + topic.map(Topic::key).orElse("all");
        return payload + "." + signature(payload);
    }

    Optional<Target> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        byte[] expected = signature(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            Optional<Topic> topic = "all".equals(parts[2])
                    ? Optional.empty()
                    : Optional.of(Topic.valueOf(parts[2].toUpperCase(java.util.Locale.ROOT)));
            return Optional.of(new Target(Long.parseLong(parts[0]), Long.parseLong(parts[1]), topic));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String signature(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, PURPOSE + ":" + payload));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
