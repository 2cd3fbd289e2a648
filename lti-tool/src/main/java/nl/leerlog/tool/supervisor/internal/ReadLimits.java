package nl.leerlog.tool.supervisor.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * How often supervisor links are requested: per link and per network address, in fixed windows of
 * {@code leerlog.supervisor.window}. A guessed token counts against its address as much as a real one, so nobody
 * tries many tokens from one address. Counted per instance: behind several instances the limit is at most that many
 * times higher, still far below what guessing 256 bits would need.
 */
@Component
class ReadLimits {

    /** Above this many counters, those of past windows are dropped. */
    private static final int TIDY_ABOVE = 10_000;

    private final SupervisorSettings settings;
    private final Clock clock;
    private final ConcurrentMap<String, Window> counts = new ConcurrentHashMap<>();

    ReadLimits(SupervisorSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private record Window(long start, int count) {}

    /** Counts one request of {@code address} for {@code tokenHash} (null: not a token); false when over a limit. */
    boolean allow(String address, String tokenHash) {
        long window = windowOf(clock.instant());
        if (counts.size() > TIDY_ABOVE) {
            counts.values().removeIf(w -> w.start() != window);
        }
        boolean byAddress = count("a:" + address, window) <= settings.readsPerAddress();
        boolean byLink = tokenHash == null || count("l:" + tokenHash, window) <= settings.readsPerLink();
        return byAddress && byLink;
    }

    private int count(String key, long window) {
        return counts.merge(
                        key,
                        new Window(window, 1),
                        (old, one) -> old.start() == window ? new Window(window, old.count() + 1) : one)
                .count();
    }

    /** Starts every count again, as a restart of the instance does. */
    void clear() {
        counts.clear();
    }

    /** How long a window lasts, in whole seconds (at least one). */
    long windowSeconds() {
        return Math.max(1, settings.window().toSeconds());
    }

    private long windowOf(Instant now) {
        return now.toEpochMilli() / Math.max(1, settings.window().toMillis());
    }
}
