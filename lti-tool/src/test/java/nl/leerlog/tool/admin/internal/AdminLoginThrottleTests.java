package nl.leerlog.tool.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import nl.leerlog.lti.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;

class AdminLoginThrottleTests {

    private final MovableClock clock = MovableClock.standingAt(Instant.parse("2026-11-23T10:00:00Z"));

    /** Accepts only the password "right". */
    private final AuthenticationManager passwords = authentication -> {
        if (!"right".equals(authentication.getCredentials())) {
            throw new BadCredentialsException("wrong");
        }
        return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, List.of());
    };

    private final AuthenticationManager guarded =
            new AdminLoginThrottle(FailedLogins.inMemory(), clock).guard(passwords);

    /** A login as {@code name} from {@code address}, as the servlet container resolved it (request.getRemoteAddr()). */
    private static Authentication attempt(String name, String password, String address) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return attempt;
    }

    private static Authentication attempt(String password) {
        return attempt("admin", password, "198.51.100.7");
    }

    private void failFrom(String name, String address) {
        assertThatThrownBy(() -> guarded.authenticate(attempt(name, "wrong", address)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void fiveFailuresFromOneAddressLockEvenTheRightPasswordUntilTheWindowHasPassed() {
        for (int i = 0; i < AdminLoginThrottle.MAX_FAILURES_FROM_ONE_ADDRESS; i++) {
            failFrom("admin", "198.51.100.7");
        }

        assertThatThrownBy(() -> guarded.authenticate(attempt("right"))).isInstanceOf(LockedException.class);

        clock.advance(AdminLoginThrottle.WINDOW.plusSeconds(1));
        assertThat(guarded.authenticate(attempt("right")).isAuthenticated()).isTrue();
    }

    @Test
    void oneGuessingAddressDoesNotLockTheAccountForOthers() {
        for (int i = 0; i < AdminLoginThrottle.MAX_FAILURES_FROM_ONE_ADDRESS; i++) {
            failFrom("admin", "198.51.100.7");
        }

        assertThatThrownBy(() -> guarded.authenticate(attempt("right"))).isInstanceOf(LockedException.class);
        assertThat(guarded.authenticate(attempt("admin", "right", "203.0.113.20"))
                        .isAuthenticated())
                .isTrue();
    }

    @Test
    void aForwardedForHeaderGivesNoFreshAttempts() {
        WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();
        for (int i = 0; i <= AdminLoginThrottle.MAX_FAILURES_FROM_ONE_ADDRESS; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/login");
            request.setRemoteAddr("198.51.100.7");
            request.addHeader("X-Forwarded-For", "203.0.113." + i);
            UsernamePasswordAuthenticationToken guess = UsernamePasswordAuthenticationToken.unauthenticated(
                    "admin", i < AdminLoginThrottle.MAX_FAILURES_FROM_ONE_ADDRESS ? "wrong" : "right");
            guess.setDetails(details.buildDetails(request));

            if (i < AdminLoginThrottle.MAX_FAILURES_FROM_ONE_ADDRESS) {
                assertThatThrownBy(() -> guarded.authenticate(guess)).isInstanceOf(BadCredentialsException.class);
            } else {
                assertThatThrownBy(() -> guarded.authenticate(guess)).isInstanceOf(LockedException.class);
            }
        }
    }

    @Test
    void guessesAtOneAccountFromManyAddressesLockTheAccount() {
        for (int i = 0; i < AdminLoginThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
            failFrom("Admin ", "203.0.113." + i);
        }

        assertThatThrownBy(() -> guarded.authenticate(attempt("admin", "right", "192.0.2.99")))
                .as("a new address, the right password")
                .isInstanceOf(LockedException.class);
        assertThat(guarded.authenticate(attempt("someone-else", "right", "192.0.2.99"))
                        .isAuthenticated())
                .as("other accounts log in")
                .isTrue();

        clock.advance(AdminLoginThrottle.WINDOW.plusSeconds(1));
        assertThat(guarded.authenticate(attempt("admin", "right", "192.0.2.99")).isAuthenticated())
                .isTrue();
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        for (int i = 0; i < AdminLoginThrottle.MAX_FAILURES_FROM_ONE_ADDRESS - 1; i++) {
            failFrom("admin", "198.51.100.7");
        }
        guarded.authenticate(attempt("right"));

        failFrom("admin", "198.51.100.7");
        assertThat(guarded.authenticate(attempt("right")).isAuthenticated()).isTrue();
    }
}
