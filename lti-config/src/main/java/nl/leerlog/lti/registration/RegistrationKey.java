package nl.leerlog.lti.registration;

import java.util.Objects;

/**
 * What identifies a registration: the platform's issuer and the client id it gave the tool. One issuer (e.g.
 * {@code https://canvas.instructure.com}) has a registration per client id (Canvas: per developer key), so a
 * login state, session or service token belongs to this pair, never to the issuer alone (Core §5.1.1.1 {@code
 * iss} with {@code aud}/{@code azp}).
 */
public record RegistrationKey(String issuer, String clientId) {

    public RegistrationKey {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
    }

    /**
     * The key as stored with login states, sessions and launch logs: {@code issuer#clientId}. An OIDC issuer has
     * no fragment (OpenID Connect Core §2, {@code iss}), so the first {@code #} separates the two.
     */
    @Override
    public String toString() {
        return issuer + "#" + clientId;
    }

    /** The key from its stored form, {@link #toString()}. */
    public static RegistrationKey parse(String stored) {
        int split = stored.indexOf('#');
        if (split < 0) {
            throw new IllegalArgumentException("not a registration key: " + stored);
        }
        return new RegistrationKey(stored.substring(0, split), stored.substring(split + 1));
    }
}
