package nl.leerlog.tool.keys.internal;

/** {@code leerlog.keys.encryption-key} is missing or is not the base64 of 32 bytes: the tool must not start. */
public class InvalidEncryptionKeyException extends IllegalStateException {

    InvalidEncryptionKeyException(String problem) {
        super(KeySettings.ENCRYPTION_KEY_PROPERTY + " " + problem + ". It must be the base64 encoding of 32 random "
                + "bytes (AES-256), for example the output of 'openssl rand -base64 32', set through the "
                + "LEERLOG_KEYS_ENCRYPTION_KEY environment variable.");
    }
}
