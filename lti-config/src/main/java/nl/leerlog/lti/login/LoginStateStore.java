package nl.leerlog.lti.login;

import java.util.Optional;

/**
 * Login states shared by every instance of the tool, so that one instance can finish a login another
 * started, and a state (with its nonce) is used once across all of them.
 */
public interface LoginStateStore {

    void save(LoginState state);

    /** Reads a state without using it, e.g. to ask platform storage for its binding first. */
    Optional<LoginState> find(String state);

    /**
     * Removes the state and returns it, atomically: of two concurrent calls with the same state, on any
     * instance, at most one gets it.
     */
    Optional<LoginState> consume(String state);

    /**
     * {@link #consume} when the state is bound to this browser binding, in one step where the store can; a state
     * bound to another browser stays where it is.
     */
    default Optional<LoginState> consumeBound(String state, String browserBinding) {
        Optional<LoginState> found = find(state);
        if (found.isEmpty()
                || !nl.leerlog.lti.session.SecureTokens.same(found.get().browserBinding(), browserBinding)) {
            return Optional.empty();
        }
        return consume(state);
    }

    /** Removes states that expired before the given moment; returns how many. */
    int deleteExpired(java.time.Instant now);
}
