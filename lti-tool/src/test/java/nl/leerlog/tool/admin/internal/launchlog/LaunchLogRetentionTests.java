package nl.leerlog.tool.admin.internal.launchlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import nl.leerlog.lti.failure.LtiError;
import nl.leerlog.lti.failure.LtiLaunchFailedEvent;
import nl.leerlog.lti.registration.RegistrationKey;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.LaunchAcceptedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;

/** Launch events are kept for leerlog.admin.launch-log-retention, then deleted; newer ones stay. */
@SpringBootTest(
        properties = {
            "leerlog.admin.launch-log-retention=P30D",
            "spring.datasource.url=jdbc:h2:mem:launch-log-retention-tests;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
        })
class LaunchLogRetentionTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    LaunchLog launches;

    @Autowired
    LaunchLogHousekeeping housekeeping;

    @Autowired
    Clock clock;

    @Test
    void eventsOlderThanTheRetentionAreDeletedAndNewerOnesKept() {
        Instant now = clock.instant();
        events.publishEvent(new LtiLaunchFailedEvent(
                "OLD22222",
                LtiError.TOKEN_EXPIRED,
                "expired",
                new RegistrationKey("https://old.example.edu", "c"),
                "{\"iss\":\"https://old.example.edu\"}",
                now.minus(Duration.ofDays(31))));
        events.publishEvent(new LtiLaunchFailedEvent(
                "NEW22222",
                LtiError.TOKEN_EXPIRED,
                "expired",
                new RegistrationKey("https://old.example.edu", "c"),
                "{\"iss\":\"https://old.example.edu\"}",
                now.minus(Duration.ofDays(29))));
        events.publishEvent(new LaunchAcceptedEvent(
                new RegistrationKey("https://old.example.edu", "c"),
                "d-1",
                "Old course",
                CourseRole.STUDENT,
                null,
                now.minus(Duration.ofDays(40))));
        events.publishEvent(new LaunchAcceptedEvent(
                new RegistrationKey("https://old.example.edu", "c"),
                "d-1",
                "New course",
                CourseRole.TEACHER,
                null,
                now.minus(Duration.ofHours(1))));

        int removed = housekeeping.run();

        assertThat(removed).isEqualTo(2);
        assertThat(launches.refusals("OLD22222", 10)).isEmpty();
        assertThat(launches.refusals("NEW22222", 10))
                .singleElement()
                .satisfies(event -> assertThat(event.errorCode()).isEqualTo("TOKEN_EXPIRED"));
        assertThat(launches.ofRegistration("https://old.example.edu#c", true, 10))
                .singleElement()
                .satisfies(event -> assertThat(event.contextTitle()).isEqualTo("New course"));
    }

    @Test
    void claimsThatAreNotJsonAreShownAsSent() {
        events.publishEvent(new LtiLaunchFailedEvent(
                "RAW22222", LtiError.LAUNCH_NOT_A_JWT, "not json", null, "not { json", clock.instant()));

        LaunchLog.LaunchEvent event = launches.refusals("RAW22222", 1).getFirst();

        assertThat(launches.prettyClaims(event)).isEqualTo("not { json");
        assertThat(event.registrationId()).isNull();
    }
}
