package nl.leerlog.tool.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Slows down password guessing on the console: after {@value #MAX_FAILURES} failed logins for one user name
 * from one address within {@link #WINDOW}, further attempts from there are refused until the window has
 * passed, even with the right password. Kept per instance; enough to make guessing a bcrypt-protected
 * password impractical.
 */
final class AdminLoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Past this many remembered names and addresses, those without a failure inside the window are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    AdminLoginThrottle(Clock clock) {
        this.clock = clock;
    }

    AuthenticationManager guard(AuthenticationManager passwordLogin) {
        return authentication -> {
            String key = key(authentication);
            Instant now = clock.instant();
            if (failures.size() > PRUNE_ABOVE) {
                forgetOlderThan(now.minus(WINDOW));
            }
            Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (recent) {
                recent.removeIf(at -> at.isBefore(now.minus(WINDOW)));
                if (recent.size() >= MAX_FAILURES) {
                    throw new LockedException("too many failed logins for " + key);
                }
            }
            try {
                Authentication result = passwordLogin.authenticate(authentication);
                failures.remove(key);
                return result;
            } catch (AuthenticationException e) {
                synchronized (recent) {
                    recent.add(now);
                }
                throw e;
            }
        };
    }

    /** Keeps guessing with ever new user names from growing the map without end. */
    private void forgetOlderThan(Instant cutoff) {
        failures.values().removeIf(recent -> {
            synchronized (recent) {
                return recent.isEmpty() || recent.peekLast().isBefore(cutoff);
            }
        });
    }

    private static String key(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        String name = authentication.getName() == null ? "" : authentication.getName().strip().toLowerCase(Locale.ROOT);
        return name + "@" + address;
    }
}
