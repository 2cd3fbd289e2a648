package nl.leerlog.tool.identity.internal;

import nl.leerlog.lti.testing.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Replaces the application's {@code Clock} with a {@link MovableClock}; import it where a test moves time. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    MovableClock clock() {
        return MovableClock.followingSystemTime();
    }
}
