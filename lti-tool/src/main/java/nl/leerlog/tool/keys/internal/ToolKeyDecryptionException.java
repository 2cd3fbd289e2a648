package nl.leerlog.tool.keys.internal;

/**
 * A stored private key does not decrypt: the configured encryption key is not the one it was stored with,
 * or the row was altered. Never a garbled key: AES-GCM checks its tag before anything is returned.
 */
public class ToolKeyDecryptionException extends IllegalStateException {

    ToolKeyDecryptionException(String kid, Throwable cause) {
        super(
                "The private key of tool key '" + kid + "' cannot be decrypted: " + KeySettings.ENCRYPTION_KEY_PROPERTY
                        + " is not the key it was encrypted with, or the stored key was altered.",
                cause);
    }
}
