package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.tool.analytics.internal.AnalyticsRows.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.Owner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A course's rules as a coordinator changes them, and the counts of students each rule holds for (no names). */
class TipPreviewTests extends LaunchedCourseTests {

    @Autowired
    TipPreview preview;

    @Autowired
    TipRules rules;

    CourseUsers users;
    Owner student;
    long courseId;

    @BeforeEach
    void aCourseOfTwoStudents() {
        users = launchCourse();
        student = ownerOf(users.student());
        classmateOf(users.student());
        courseId = student.courseId();
        new AnalyticsRows(db).internship(student, "Zorggroep West", today().minusDays(20), today().plusWeeks(8));
    }

    @Test
    void anUnconfiguredCourseCountsTheDefaultRulesOverItsStudents() {
        TipPreview.Counts counts = preview.counts(courseId);

        assertThat(counts.students()).isEqualTo(2);
        assertThat(counts.holdingByRule())
                .containsEntry("internship-missing", 1)
                .containsEntry("log-regularly", 2)
                .containsEntry("set-a-goal", 1)
                .containsEntry("vary-categories", 0);
    }

    @Test
    void aCoordinatorsChangeKeepsTheOtherDefaultsAndCountsWithTheNewNumber() {
        TipRule logRegularly = rules.of(courseId).stream()
                .filter(rule -> rule.key().equals("log-regularly"))
                .findFirst()
                .orElseThrow();
        new AnalyticsRows(db).moment(student, today().minusDays(10), 30, null, false);

        rules.save(
                courseId,
                new TipRule(
                        "log-regularly",
                        logRegularly.type(),
                        false,
                        14,
                        null,
                        logRegularly.priority(),
                        logRegularly.cooldownDays(),
                        logRegularly.text()),
                userIdOf(users.teacher()),
                Instant.now());

        assertThat(rules.of(courseId)).hasSize(6).anySatisfy(rule -> {
            assertThat(rule.key()).isEqualTo("log-regularly");
            assertThat(rule.enabled()).isFalse();
            assertThat(rule.threshold()).isEqualTo(14);
        });
        assertThat(preview.counts(courseId).holdingByRule()).containsEntry("log-regularly", 1);
        assertThat(users.student().get("/student/insights").body())
                .doesNotContain("You have not logged a learning moment for a while.");
    }
}
