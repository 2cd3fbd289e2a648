package nl.leerlog.tool.supervisor.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret of a supervisor link: 256 random bits, written as 43 base64url characters. Only its SHA-256 is stored,
 * so a copy of the database opens no link; a token that is not of this form is refused before any lookup.
 */
final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private LinkTokens() {}

    /** A new token, for the link's address; never stored. */
    static String newToken() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** The stored form of a token: its SHA-256 in hex; empty for anything that cannot be a token. */
    static Optional<String> hash(String token) {
        if (token == null || !FORM.matcher(token).matches()) {
            return Optional.empty();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Optional.of(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
