package nl.leerlog.lti.session;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** For a single instance and for tests. */
public class InMemoryLtiSessionStore implements LtiSessionStore {

    private final Map<String, LtiSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void save(String tokenHash, LtiSession session) {
        sessions.put(tokenHash, session);
    }

    @Override
    public Optional<LtiSession> find(String tokenHash) {
        return Optional.ofNullable(sessions.get(tokenHash));
    }

    @Override
    public void touch(String tokenHash, Instant expiresAt) {
        sessions.computeIfPresent(tokenHash, (k, s) -> s.withExpiry(expiresAt));
    }

    @Override
    public void delete(String tokenHash) {
        sessions.remove(tokenHash);
    }

    @Override
    public int deleteExpired(Instant now) {
        int before = sessions.size();
        sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
        return before - sessions.size();
    }
}
