package nl.leerlog.lti.session;

import java.time.Instant;
import java.util.Optional;

/**
 * Launched sessions, keyed by a hash of the session token so that the store never holds a usable token.
 * Shared by all instances of the tool.
 */
public interface LtiSessionStore {

    void save(String tokenHash, LtiSession session);

    Optional<LtiSession> find(String tokenHash);

    /** Pushes the expiry of a session in use forward. */
    void touch(String tokenHash, Instant expiresAt);

    void delete(String tokenHash);

    int deleteExpired(Instant now);
}
