package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.tool.analytics.internal.AnalyticsRows.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.Owner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The student's analytics page over real launches: their own figures only, in charts with tables and summaries. */
class InsightsPageTests extends LaunchedCourseTests {

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
    void theWeekTableCountsTheStudentsOwnMomentsAndHoursAndNeverAClassmates() {
        rows.moment(owner, today(), 30, null, false);
        rows.moment(owner, today(), 60, null, false);
        LaunchedUser classmate = classmateOf(student);
        Owner classmateOwner = ownerOf(classmate);
        for (int i = 0; i < 5; i++) {
            rows.moment(classmateOwner, today(), 120, null, false);
        }

        String page = student.get("/student/insights").body();

        String thisWeek = "Week of "
                + DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(Locale.ENGLISH)
                        .format(today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        assertThat(page)
                .contains("<h1>Insights</h1>", "Learning moments and time per week")
                .containsPattern(Pattern.quote("<th scope=\"row\">" + html(thisWeek) + "</th>")
                        + "\\s*<td data-value=\"2.0\">2</td>\\s*<td data-value=\"1.5\">1.5</td>")
                .contains("2 learning moments and 1.5 hours over");
        assertThat(page).doesNotContain("data-value=\"5.0\"", "10 hours", "7 learning moments");
    }

    @Test
    void onInternshipTheWeeksAreCountedFromItsStart() {
        rows.internship(owner, "Zorggroep West", today().minusDays(15), today().plusWeeks(10));
        rows.moment(owner, today().minusDays(15), 45, null, false);
        rows.moment(owner, today(), null, null, false);

        String page = student.get("/student/insights").body();

        assertThat(page)
                .contains("weeks are counted from the start of your internship")
                .containsPattern("<th scope=\"row\">Week 1</th>\\s*<td data-value=\"1.0\">1</td>")
                .containsPattern("<th scope=\"row\">Week 2</th>\\s*<td data-value=\"0.0\">0</td>")
                .containsPattern("<th scope=\"row\">Week 3</th>\\s*<td data-value=\"1.0\">1</td>")
                .doesNotContain("Week 4");
    }

    @Test
    void theSpreadNamesTheCategoriesGoalsAndCompetenciesNeverTouched() {
        long courseId = owner.courseId();
        long practice = rows.category(courseId, "Practical work");
        long goal = rows().goal(courseId, null, "Plan care with the client");
        rows().goal(courseId, owner.userId(), "Speak up in meetings");
        long communication = rows().competency(courseId, "C1", "Communication");
        rows().competency(courseId, "C2", "Planning");
        long moment = rows.moment(owner, today(), 30, practice, false);
        rows.linkGoal(moment, goal);
        rows.linkCompetency(moment, communication);
        rows.moment(owner, today(), 30, practice, false);

        String page = student.get("/student/insights").body();

        assertThat(page)
                .contains(html("Most of your learning moments are in “Practical work” (2 of 2)."))
                .contains(html(
                        "Not touched yet: “Meeting or consultation”, “Observation”, “Training or course”, “Other”."))
                .contains(html("You linked “Plan care with the client” most often (1 of 2 learning moments)."))
                .contains(html("Not touched yet: “Speak up in meetings”."))
                .contains(html("You linked “C1 Communication” most often"))
                .contains(html("Not touched yet: “C2 Planning”."))
                .containsPattern("<th scope=\"row\">C2 Planning</th>\\s*<td data-value=\"0.0\">0</td>");
    }

    @Test
    void reflectionsShowAtWhichStepTheyStopAndDraftsLeftOpenAreCounted() {
        rows.reflection(owner, "feedback", false, Map.of("feedback", "Went well"));
        rows.reflection(owner, "feedback", true, Map.of("feedback", "Hm", "feed-forward", " "));
        rows.reflection(owner, "feedback", false, Map.of("feedback", "Fine", "feed-forward", "Ask earlier"));
        rows.moment(owner, today(), null, null, true);

        String page = student.get("/student/insights").body();

        assertThat(page)
                .containsPattern(
                        "<th scope=\"row\">Stops at step 2: Feed-forward</th>\\s*<td data-value=\"2.0\">2</td>")
                .containsPattern("<th scope=\"row\">Every step answered</th>\\s*<td data-value=\"1.0\">1</td>")
                .contains("3 reflections,", "1 with every step answered.")
                .contains(html("Most often a reflection stops at “Stops at step 2: Feed-forward”."))
                .contains("One learning moment and one reflection are still a draft.")
                .contains("href=\"/student/log?drafts=on\"");
    }

    @Test
    void thePeriodFilterLeavesOutWhatHappenedBeforeIt() {
        rows.moment(owner, today().minusDays(20), 30, null, false);
        rows.moment(owner, today(), 30, null, false);

        String page = student.get("/student/insights?from=" + today().minusDays(6) + "&to=" + today())
                .body();

        assertThat(page).contains("One learning moment and 0.5 hours over");
    }

    @Test
    void aPeriodThatIsNoPeriodIsRefusedWithTheReason() {
        HttpResponse<String> notADate = student.get("/student/insights?from=yesterday");
        HttpResponse<String> backwards =
                student.get("/student/insights?from=" + today() + "&to=" + today().minusDays(1));
        HttpResponse<String> tooLong =
                student.get("/student/insights?from=" + today().minusYears(3) + "&to=" + today());

        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.body()).contains("Enter a date such as 2026-03-02.");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("The end of the period lies before its start.");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Choose a period of at most two years.");
    }

    @Test
    void eachChartComesWithItsSummaryATableAndTheChartLibraryServedByTheTool() {
        rows.moment(owner, today(), 30, null, false);

        String page = student.get("/student/insights").body();

        assertThat(page)
                .contains("aria-describedby=\"chart-weeks-summary\"", "id=\"chart-weeks-table\"")
                .contains("aria-controls=\"chart-categories-table\"", "Show as table")
                .contains("<caption>Categories</caption>")
                .contains("data-chart-script=\"/webjars/chart.js/dist/chart.umd.js\"")
                .doesNotContain("cdn");
        HttpResponse<String> library = student.get("/webjars/chart.js/dist/chart.umd.js");
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains("Chart.js");
    }

    @Test
    void onlyStudentsHaveInsights() {
        assertThat(users.teacher().get("/student/insights").statusCode()).isEqualTo(404);
    }
}
