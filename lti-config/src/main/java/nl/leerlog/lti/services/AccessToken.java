package nl.leerlog.lti.services;

import java.time.Instant;
import java.util.Set;

/**
 * An OAuth 2 access token the platform granted for service calls.
 *
 * @param scopes the scopes the tool asked for (the cache key), not necessarily all granted
 * @param expiresAt when the platform says the token stops working
 */
public record AccessToken(String value, Set<String> scopes, Instant expiresAt) {

    public AccessToken {
        scopes = Set.copyOf(scopes);
    }

    /** Whether the token may still be used at {@code now}, keeping {@code margin} before it expires. */
    public boolean usableAt(Instant now, java.time.Duration margin) {
        return now.isBefore(expiresAt.minus(margin));
    }

    @Override
    public String toString() {
        return "AccessToken[scopes=" + scopes + ", expiresAt=" + expiresAt + "]"; // never log the token itself
    }
}
