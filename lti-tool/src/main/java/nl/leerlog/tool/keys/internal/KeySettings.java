package nl.leerlog.tool.keys.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the tool keeps its signing keys ({@code leerlog.keys.*}).
 *
 * @param encryptionKey base64 of the 32-byte AES key that encrypts the private keys in the database
 * @param rotationInterval how long a key signs before the scheduled rotation replaces it
 * @param retireAfter how long a retired key stays published; longer than any token the tool signs lives
 * @param publishBeforeUse how long a next key must have been published before it may sign: longer than the
 *         JWKS response may be cached (5 minutes) plus {@code cacheRefresh}, so every platform can know it
 * @param cacheRefresh how often each instance reloads the keys from the database
 */
@ConfigurationProperties("leerlog.keys")
public record KeySettings(
        String encryptionKey,
        @DefaultValue("P90D") Duration rotationInterval,
        @DefaultValue("P1D") Duration retireAfter,
        @DefaultValue("PT10M") Duration publishBeforeUse,
        @DefaultValue("PT1M") Duration cacheRefresh) {

    public static final String ENCRYPTION_KEY_PROPERTY = "leerlog.keys.encryption-key";

    @Override
    public String toString() {
        // The encryption key is a secret: never in a log line or an error report.
        return "KeySettings[encryptionKey=(hidden), rotationInterval=" + rotationInterval + ", retireAfter="
                + retireAfter + ", publishBeforeUse=" + publishBeforeUse + ", cacheRefresh=" + cacheRefresh + "]";
    }
}
