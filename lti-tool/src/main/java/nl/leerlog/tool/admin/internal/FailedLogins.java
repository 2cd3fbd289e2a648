package nl.leerlog.tool.admin.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where {@link AdminLoginThrottle} keeps its failed logins: the database in the application, memory in unit tests. */
interface FailedLogins {

    int countSince(String key, Instant since);

    void add(String key, Instant at);

    void clear(String key);

    /** Forgets failures before {@code cutoff}, of every key. */
    void forgetBefore(Instant cutoff);

    /** One instance's memory: for tests of the throttle's rules. */
    static FailedLogins inMemory() {
        Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
        return new FailedLogins() {
            @Override
            public int countSince(String key, Instant since) {
                Deque<Instant> recent = failures.getOrDefault(key, new ArrayDeque<>());
                synchronized (recent) {
                    return (int)
                            recent.stream().filter(at -> !at.isBefore(since)).count();
                }
            }

            @Override
            public void add(String key, Instant at) {
                Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
                synchronized (recent) {
                    recent.add(at);
                }
            }

            @Override
            public void clear(String key) {
                failures.remove(key);
            }

            @Override
            public void forgetBefore(Instant cutoff) {
                failures.values().removeIf(recent -> {
                    synchronized (recent) {
                        recent.removeIf(at -> at.isBefore(cutoff));
                        return recent.isEmpty();
                    }
                });
            }
        };
    }
}
