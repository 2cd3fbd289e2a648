package nl.leerlog.lti.login;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** For a single instance and for tests; an application with several instances stores states in its database. */
public class InMemoryLoginStateStore implements LoginStateStore {

    private final Map<String, LoginState> states = new ConcurrentHashMap<>();

    @Override
    public void save(LoginState state) {
        states.put(state.state(), state);
    }

    @Override
    public Optional<LoginState> find(String state) {
        return Optional.ofNullable(states.get(state));
    }

    @Override
    public Optional<LoginState> consume(String state) {
        return Optional.ofNullable(states.remove(state));
    }

    @Override
    public int deleteExpired(Instant now) {
        int before = states.size();
        states.values().removeIf(s -> s.isExpired(now));
        return before - states.size();
    }
}
