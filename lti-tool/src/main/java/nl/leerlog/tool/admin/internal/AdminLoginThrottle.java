package nl.leerlog.tool.admin.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
 * anyone lock an account's password login for a quarter of an hour; single sign-on is not affected. Kept in the
 * database ({@link FailedLogins}), so attempts spread over the instances behind a load balancer count together.
 *
 * <p>The address is the one the servlet container resolved ({@code request.getRemoteAddr()}, as
 * {@link WebAuthenticationDetails} keeps it): with {@code server.forward-headers-strategy=native} Tomcat takes
 * X-Forwarded-For only from the internal proxies. No header is read here.
 */
final class AdminLoginThrottle {

    static final int MAX_FAILURES_FROM_ONE_ADDRESS = 5;
    static final int MAX_FAILURES_PER_ACCOUNT = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEY_LENGTH = 600;

    /** One counter of recent failures and how many it allows. */
    private record Limit(String key, int maxFailures) {}

    private final FailedLogins failures;
    private final Clock clock;

    AdminLoginThrottle(FailedLogins failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    AuthenticationManager guard(AuthenticationManager passwordLogin) {
        return authentication -> {
            String name = name(authentication);
            // Keys of two kinds that no user name can make the same: "from <address> <name>" and "account <name>".
            List<Limit> limits = List.of(
                    new Limit(key("from " + address(authentication) + " " + name), MAX_FAILURES_FROM_ONE_ADDRESS),
                    new Limit(key("account " + name), MAX_FAILURES_PER_ACCOUNT));
            Instant now = clock.instant();
            Instant windowStart = now.minus(WINDOW);
            for (Limit limit : limits) {
                if (failures.countSince(limit.key(), windowStart) >= limit.maxFailures()) {
                    throw new LockedException("too many failed logins for " + limit.key());
                }
            }
            try {
                Authentication result = passwordLogin.authenticate(authentication);
                limits.forEach(limit -> failures.clear(limit.key()));
                return result;
            } catch (AuthenticationException e) {
                // Guessing with ever new names must not grow the table without end: old failures go on each miss.
                failures.forgetBefore(windowStart);
                limits.forEach(limit -> failures.add(limit.key(), now));
                throw e;
            }
        };
    }

    /** A key that fits its column, however long the typed name: a long one is cut and keeps a hash of the rest. */
    private static String key(String key) {
        return key.length() <= MAX_KEY_LENGTH
                ? key
                : key.substring(0, MAX_KEY_LENGTH - 12) + "#" + Integer.toHexString(key.hashCode());
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
