package nl.leerlog.tool.admin.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.tool.TestDatabases;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Two instances behind a load balancer, each with its own throttle over the one database: guesses spread over both
 * count together, so the account locks on either.
 */
class SharedLoginThrottleTests {

    private final MovableClock clock = MovableClock.standingAt(Instant.parse("2026-12-07T10:00:00Z"));

    private final AuthenticationManager passwords = authentication -> {
        throw new BadCredentialsException("wrong");
    };

    @Test
    void guessesOnTwoInstancesLockTheAccountOnBoth() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(TestDatabases.h2(TestDatabases.uniqueName()).get("spring.datasource.url"));
        database.setUser("sa");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        FailedLogins shared = new JooqFailedLogins(DSL.using(database, SQLDialect.H2));
        AuthenticationManager instanceA = new AdminLoginThrottle(shared, clock).guard(passwords);
        AuthenticationManager instanceB = new AdminLoginThrottle(shared, clock).guard(passwords);

        for (int i = 0; i < AdminLoginThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
            AuthenticationManager instance = i % 2 == 0 ? instanceA : instanceB;
            UsernamePasswordAuthenticationToken guess = attempt("203.0.113." + i);
            assertThatThrownBy(() -> instance.authenticate(guess)).isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> instanceA.authenticate(attempt("192.0.2.1"))).isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> instanceB.authenticate(attempt("192.0.2.2"))).isInstanceOf(LockedException.class);

        clock.advance(AdminLoginThrottle.WINDOW.plusSeconds(1));
        assertThatThrownBy(() -> instanceB.authenticate(attempt("192.0.2.2")))
                .as("the window passed: a wrong password again, no longer locked")
                .isInstanceOf(BadCredentialsException.class)
                .isNotInstanceOf(LockedException.class);
    }

    private static UsernamePasswordAuthenticationToken attempt(String address) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated("admin", "guess");
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return attempt;
    }
}
