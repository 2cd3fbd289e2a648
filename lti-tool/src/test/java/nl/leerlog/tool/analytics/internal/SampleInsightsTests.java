package nl.leerlog.tool.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.demo.SampleCourseRequested;
import nl.leerlog.tool.identity.Owner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo course's sample check-ins and tip response, written for each intern through the feature's own code. */
class SampleInsightsTests extends LaunchedCourseTests {

    @Autowired
    SampleInsights sample;

    @Autowired
    CheckIns checkIns;

    @Autowired
    TipResponses responses;

    @Test
    void eachInternGetsThreeWeeksOfCheckInsAndTheFirstATipMarkedHelpful() {
        CourseUsers users = launchCourse();
        Owner first = ownerOf(users.student());
        Owner second = ownerOf(classmateOf(users.student()));
        long teacher = userIdOf(users.teacher());
        var event = new SampleCourseRequested(
                first.courseId(),
                List.of(
                        new SampleCourseRequested.Intern(0, first.userId(), "A", Locale.ENGLISH, teacher, "T"),
                        new SampleCourseRequested.Intern(1, second.userId(), "B", Locale.of("nl"), teacher, "T")),
                Instant.now());

        sample.write(event);

        assertThat(checkIns.recent(first, 8)).hasSize(3);
        assertThat(checkIns.recent(second, 8)).hasSize(3);
        assertThat(checkIns.recent(first, 8))
                .extracting(CheckIn::mood)
                .isNotEqualTo(
                        checkIns.recent(second, 8).stream().map(CheckIn::mood).toList());
        assertThat(responses.of(first)).containsKey("log-regularly");
        assertThat(responses.of(second)).isEmpty();
    }
}
