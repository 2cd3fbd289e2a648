package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.tool.analytics.internal.AnalyticsRows.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.Owner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The student's tips over real launches: shown when a default rule holds, dismissed, found helpful, kept. */
class TipsPageTests extends LaunchedCourseTests {

    static final String INTERNSHIP_TIP = "Your internship details are not complete yet.";
    static final String LOG_TIP = "You have not logged a learning moment for a while.";

    CourseUsers users;
    LaunchedUser student;
    Owner owner;
    AnalyticsRows rows;

    @BeforeEach
    void launched() {
        users = launchCourse();
        student = users.student();
        owner = ownerOf(student);
        rows = new AnalyticsRows(db);
    }

    @Test
    void anUnconfiguredCourseShowsTheDefaultTipsInThreePartsWithTheirReason() {
        String page = student.get("/student/insights").body();

        assertThat(page)
                .contains("Tips for you", "Where you are going", "How it is going", "Your next step")
                .contains(INTERNSHIP_TIP, "Why you see this: your internship has no organisation yet.")
                .contains(LOG_TIP, "Why you see this: you have not logged a learning moment yet.");
        assertThat(page.indexOf(INTERNSHIP_TIP)).isLessThan(page.indexOf(LOG_TIP));
    }

    @Test
    void aTipGoesOnceItsConditionNoLongerHolds() {
        rows.internship(owner, "Zorggroep West", today().minusDays(3), today().plusWeeks(10));
        rows.moment(owner, today(), 30, null, false);

        String page = student.get("/student/insights").body();

        assertThat(page).doesNotContain(INTERNSHIP_TIP, LOG_TIP, "Tips for you");
    }

    @Test
    void theLearningLogFetchesTheSamePanelWithButtonsThatComeBackToTheLog() {
        assertThat(student.get("/student/log").body())
                .contains("hx-get=\"/student/tips/panel?returnTo=/student/log\"", "hx-trigger=\"load\"");

        String panel = student.get("/student/tips/panel?returnTo=/student/log").body();

        assertThat(panel)
                .contains(INTERNSHIP_TIP, "name=\"returnTo\" value=\"/student/log\"")
                .doesNotContain("<html");
    }

    @Test
    void aDismissedTipStaysAwayWhileTheOthersRemain() {
        String location = redirectOf(
                student.post("/student/tips/internship-missing/dismiss", Map.of("returnTo", "/student/log")));

        assertThat(location).isEqualTo("/student/log");
        String page = student.get("/student/insights").body();
        assertThat(page).doesNotContain(INTERNSHIP_TIP).contains(LOG_TIP);
        assertThat(classmateOf(student).get("/student/insights").body()).contains(INTERNSHIP_TIP);
    }

    @Test
    void aTipMarkedHelpfulSaysSo() {
        student.post("/student/tips/log-regularly/helpful", Map.of());

        assertThat(student.get("/student/insights").body()).contains("You found this tip helpful.");
    }

    @Test
    void aTipCanBeKeptInSaved() {
        String page = student.get("/student/insights").body();
        assertThat(page).contains("name=\"itemType\" value=\"TIP\"", "name=\"itemRef\" value=\"log-regularly\"");

        student.post(
                "/student/saved",
                Map.of("itemType", "TIP", "itemRef", "log-regularly", "title", "Log one thing you learned"));

        assertThat(student.get("/student/saved").body()).contains(">Tip<", "Log one thing you learned");
    }

    @Test
    void aRuleTheCourseDoesNotHaveIsNotFoundAndAnOddReturnAddressIsNotFollowed() {
        assertThat(student.post("/student/tips/no-such-rule/dismiss", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(redirectOf(student.post(
                        "/student/tips/log-regularly/dismiss", Map.of("returnTo", "https://evil.example/"))))
                .isEqualTo("/student/insights");
        assertThat(users.teacher().get("/student/tips/panel").statusCode()).isEqualTo(404);
    }
}
