package nl.leerlog.tool.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import nl.leerlog.lti.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class AdminLoginThrottleTests {

    private final MovableClock clock = MovableClock.standingAt(Instant.parse("2026-11-23T10:00:00Z"));

    /** Accepts only the password "right". */
    private final AuthenticationManager passwords = authentication -> {
        if (!"right".equals(authentication.getCredentials())) {
            throw new BadCredentialsException("wrong");
        }
        return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, java.util.List.of());
    };

    private final AuthenticationManager guarded = new AdminLoginThrottle(clock).guard(passwords);

    private static Authentication attempt(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("admin", password);
    }

    @Test
    void fiveFailuresLockEvenTheRightPasswordUntilTheWindowHasPassed() {
        for (int i = 0; i < AdminLoginThrottle.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> guarded.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> guarded.authenticate(attempt("right"))).isInstanceOf(LockedException.class);

        clock.advance(AdminLoginThrottle.WINDOW.plusSeconds(1));
        assertThat(guarded.authenticate(attempt("right")).isAuthenticated()).isTrue();
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        for (int i = 0; i < AdminLoginThrottle.MAX_FAILURES - 1; i++) {
            assertThatThrownBy(() -> guarded.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        guarded.authenticate(attempt("right"));

        assertThatThrownBy(() -> guarded.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(guarded.authenticate(attempt("right")).isAuthenticated()).isTrue();
    }
}
