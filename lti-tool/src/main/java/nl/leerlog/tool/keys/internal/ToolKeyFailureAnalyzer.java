package nl.leerlog.tool.keys.internal;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns a start-up stopped by the tool keys' encryption key into a short report of what to set. */
class ToolKeyFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidEncryptionKeyException) {
                return new FailureAnalysis(
                        cause.getMessage(),
                        "Set " + KeySettings.ENCRYPTION_KEY_PROPERTY
                                + " (environment variable LEERLOG_KEYS_ENCRYPTION_KEY) to the output of 'openssl rand -base64 32'"
                                + " and keep it: the tool's private keys in the database can be read only with it.",
                        cause);
            }
            if (cause instanceof ToolKeyDecryptionException) {
                return new FailureAnalysis(
                        cause.getMessage(),
                        "Set " + KeySettings.ENCRYPTION_KEY_PROPERTY
                                + " back to the key this database's tool keys were stored with. If that key is lost, delete"
                                + " the rows of table tool_key: the tool then makes new keys, which platforms fetch from"
                                + " /.well-known/jwks.json.",
                        cause);
            }
        }
        return null;
    }
}
