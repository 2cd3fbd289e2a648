package nl.leerlog.tool.keys.internal;

/** A private key as stored: the AES-GCM IV and the ciphertext with its tag, both base64. */
record EncryptedPrivateKey(String iv, String ciphertext) {}
