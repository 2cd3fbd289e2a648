package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.ANALYTICS_SETTING;
import static nl.leerlog.tool.analytics.internal.AnalyticsRows.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.Owner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** In a course that asks consent for analytics: explained and asked once, nothing computed without it, withdrawable. */
class ConsentPageTests extends LaunchedCourseTests {

    CourseUsers users;
    LaunchedUser student;
    Owner owner;

    @BeforeEach
    void aCourseThatAsksConsent() {
        users = launchCourse();
        student = users.student();
        owner = ownerOf(student);
        new AnalyticsRows(db).moment(owner, today(), 30, null, false);
        db.insertInto(ANALYTICS_SETTING)
                .set(ANALYTICS_SETTING.COURSE_ID, owner.courseId())
                .set(ANALYTICS_SETTING.CONSENT_REQUIRED, true)
                .set(ANALYTICS_SETTING.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
    }

    @Test
    void withoutConsentThePageExplainsWhatItWouldComputeAndComputesNothing() {
        String page = student.get("/student/insights").body();

        assertThat(page)
                .contains("May Leerlog compute insights from your learning log?")
                .contains("how many learning moments you logged and how much time you spent, per week;")
                .contains("Without your consent nothing is computed")
                .contains("Yes, compute my insights")
                .doesNotContain("Learning moments and time per week", "Tips for you", "chart-table");
        assertThat(student.get("/student/tips/panel").body()).doesNotContain("Tips for you", "tip-");
    }

    @Test
    void afterConsentTheFiguresShowAndTheConsentCanBeWithdrawn() {
        assertThat(redirectOf(student.post("/student/insights/consent", Map.of())))
                .isEqualTo("/student/insights");

        String page = student.get("/student/insights").body();
        assertThat(page)
                .contains("One learning moment and 0.5 hours over", "Tips for you")
                .contains("you agreed to them being computed", "Withdraw my consent");

        assertThat(redirectOf(student.post("/student/insights/consent/withdraw", Map.of())))
                .isEqualTo("/student/insights");
        String withdrawn = student.get("/student/insights").body();
        assertThat(withdrawn)
                .contains("Your insights are switched off", "You withdrew your consent, so nothing is computed.")
                .doesNotContain("May Leerlog compute insights from your learning log?", "0.5 hours");
    }

    @Test
    void theConsentOfOneStudentIsNotAClassmates() {
        student.post("/student/insights/consent", Map.of());

        assertThat(classmateOf(student).get("/student/insights").body())
                .contains("May Leerlog compute insights from your learning log?");
    }

    @Test
    void aCourseThatDoesNotAskHasNoConsentToGiveOrWithdraw() {
        LaunchedUser otherStudent = users.otherStudent();

        assertThat(otherStudent.post("/student/insights/consent", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(otherStudent
                        .post("/student/insights/consent/withdraw", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(otherStudent.get("/student/insights").body()).doesNotContain("Withdraw my consent");
    }
}
