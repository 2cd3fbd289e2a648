package nl.leerlog.tool.admin.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Slows down password guessing on the console. Failed logins within {@link #WINDOW} are counted twice: for one user
 * name from one address ({@value #MAX_FAILURES_FROM_ONE_ADDRESS}), and for one user name from any address
 * ({@value #MAX_FAILURES_PER_ACCOUNT}), so guessing from many machines at once is stopped too. Past either limit
 * further attempts are refused until the window has passed, even with the right password. The per-account limit lets
 * anyone lock an account's password login for a quarter of an hour; single sign-on is not affected. Kept per
 * instance; enough to make guessing a bcrypt-protected password impractical.
 *
 * <p>The address is the one the servlet container resolved ({@code request.getRemoteAddr()}, as
 * {@link WebAuthenticationDetails} keeps it): with {@code server.forward-headers-strategy=native} Tomcat takes
 * X-Forwarded-For only from the internal proxies. No header is read here.
 */
final class AdminLoginThrottle {

    static final int MAX_FAILURES_FROM_ONE_ADDRESS = 5;
    static final int MAX_FAILURES_PER_ACCOUNT = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Past this many remembered names and addresses, those without a failure inside the window are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    /** One counter of recent failures and how many it allows. */
    private record Limit(String key, int maxFailures) {}

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    AdminLoginThrottle(Clock clock) {
        this.clock = clock;
    }

    AuthenticationManager guard(AuthenticationManager passwordLogin) {
        return authentication -> {
            String name = name(authentication);
            // Keys of two kinds that no user name can make the same: "from <address> <name>" and "account <name>".
            List<Limit> limits = List.of(
                    new Limit("from " + address(authentication) + " " + name, MAX_FAILURES_FROM_ONE_ADDRESS),
                    new Limit("account " + name, MAX_FAILURES_PER_ACCOUNT));
            Instant now = clock.instant();
            if (failures.size() > PRUNE_ABOVE) {
                forgetOlderThan(now.minus(WINDOW));
            }
            for (Limit limit : limits) {
                Deque<Instant> recent = failures.computeIfAbsent(limit.key(), k -> new ArrayDeque<>());
                synchronized (recent) {
                    recent.removeIf(at -> at.isBefore(now.minus(WINDOW)));
                    if (recent.size() >= limit.maxFailures()) {
                        throw new LockedException("too many failed logins for " + limit.key());
                    }
                }
            }
            try {
                Authentication result = passwordLogin.authenticate(authentication);
                limits.forEach(limit -> failures.remove(limit.key()));
                return result;
            } catch (AuthenticationException e) {
                for (Limit limit : limits) {
                    Deque<Instant> recent = failures.computeIfAbsent(limit.key(), k -> new ArrayDeque<>());
                    synchronized (recent) {
                        recent.add(now);
                    }
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

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
    }

    private static String name(Authentication authentication) {
        return authentication.getName() == null
                ? ""
                : authentication.getName().strip().toLowerCase(Locale.ROOT);
    }
}
