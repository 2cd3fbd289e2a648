package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.tool.analytics.internal.AnalyticsRows.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's tip editor over real launches, in a course of six students of whom two entered their internship:
 * the rules with their counts, creating, editing and switching off a rule, the live preview, and never a name.
 */
class TipEditorPageTests extends LaunchedCourseTests {

    static final String INTERNSHIP_TIP = TipsPageTests.INTERNSHIP_TIP;

    CourseUsers users;
    LaunchedUser teacher;
    List<LaunchedUser> students = new ArrayList<>();
    List<String> names = new ArrayList<>();

    @BeforeEach
    void aCourseOfSixStudents() {
        users = launchCourse();
        teacher = users.teacher();
        students.add(users.student());
        for (int i = 0; i < 5; i++) {
            students.add(classmateOf(users.student()));
        }
        AnalyticsRows rows = new AnalyticsRows(db);
        for (int i = 0; i < students.size(); i++) {
            String name = "Student Naamloos" + (char) ('A' + i);
            names.add(name);
            db.update(APP_USER)
                    .set(APP_USER.DISPLAY_NAME, name)
                    .where(APP_USER.ID.eq(userIdOf(students.get(i))))
                    .execute();
        }
        rows.internship(ownerOf(students.get(0)), "Zorggroep West", today().minusDays(3), today().plusWeeks(10));
        rows.internship(ownerOf(students.get(1)), "Basisschool De Linde", today().minusDays(3), today().plusWeeks(10));
    }

    @Test
    void theListShowsTheDefaultRulesWithHowManyTheyWouldShowToAndNoNames() {
        String page = teacher.get("/teacher/insights/tips").body();

        assertThat(page)
                .contains("Tips for students", "Counts are over the 6 active students")
                .contains(INTERNSHIP_TIP, "You have not logged a learning moment for a while.")
                .contains("No learning moment for 7 days", "On");
        assertThat(row(page, "internship-missing")).contains(">4 of 6<");
        // The two who started three days ago have not had the seven days yet.
        assertThat(row(page, "log-regularly")).contains(">4 of 6<");
        assertThat(page).doesNotContain(names.toArray(String[]::new));
    }

    @Test
    void theTeachersMenuLeadsToTheEditor() {
        assertThat(teacher.get("/teacher/dashboard").body()).contains("href=\"/teacher/insights\"", ">Insights<");
        assertThat(teacher.get("/teacher/insights").body()).contains("href=\"/teacher/insights/tips\"");
    }

    @Test
    void aNewRuleIsSavedAndItsTipShowsToTheStudentsItHoldsFor() {
        assertThat(teacher.get("/teacher/insights/tips/new").body())
                .contains("New tip rule", "name=\"feedUpNl\"", "name=\"feedForwardEn\"", "id=\"rule-preview\"")
                .contains("Choose the rule and fill in the three parts of the tip");

        String location = redirectOf(teacher.post("/teacher/insights/tips", rule("NO_MOMENT_FOR_DAYS", "3", "1")));

        assertThat(location).isEqualTo("/teacher/insights/tips?done=created");
        String list = teacher.get(location).body();
        assertThat(list)
                .contains("The new rule is saved.", "Three days without a moment.", "No learning moment for 3 days");
        assertThat(row(list, "own-1")).contains(">6 of 6<");
        assertThat(students.get(2).get("/student/insights").body()).contains("Three days without a moment.");
        assertThat(redirectOf(teacher.post("/teacher/insights/tips", rule("CATEGORY_SHARE", "80", "5"))))
                .isEqualTo("/teacher/insights/tips?done=created");
        assertThat(teacher.get("/teacher/insights/tips").body()).contains("id=\"rule-own-2\"");
    }

    @Test
    void anEditedDefaultRuleKeepsTheOthersAndShowsItsNewText() {
        String form = teacher.get("/teacher/insights/tips/log-regularly").body();
        assertThat(form)
                .contains("Edit a tip rule", "value=\"7\"", "You have not logged a learning moment for a while.");

        Map<String, String> changed = rule("NO_MOMENT_FOR_DAYS", "14", "2");
        assertThat(redirectOf(teacher.post("/teacher/insights/tips/log-regularly", changed)))
                .isEqualTo("/teacher/insights/tips?done=saved");

        String list = teacher.get("/teacher/insights/tips").body();
        assertThat(list)
                .contains("Three days without a moment.", "No learning moment for 14 days", INTERNSHIP_TIP)
                .doesNotContain("You have not logged a learning moment for a while.");
        assertThat(list.split("<tr id=\"rule-", -1)).hasSize(7);
    }

    @Test
    void aSwitchedOffRuleShowsToNoStudentUntilSwitchedOnAgain() {
        String student = "/student/insights";
        assertThat(students.get(3).get(student).body()).contains(INTERNSHIP_TIP);

        assertThat(redirectOf(
                        teacher.post("/teacher/insights/tips/internship-missing/enabled", Map.of("enabled", "false"))))
                .isEqualTo("/teacher/insights/tips?done=disabled");

        String list = teacher.get("/teacher/insights/tips").body();
        assertThat(row(list, "internship-missing")).contains(">Off<", ">Switch on<");
        assertThat(students.get(3).get(student).body()).doesNotContain(INTERNSHIP_TIP);

        teacher.post("/teacher/insights/tips/internship-missing/enabled", Map.of("enabled", "true"));
        assertThat(students.get(3).get(student).body()).contains(INTERNSHIP_TIP);
    }

    @Test
    void aRuleOutsideItsTypesRangeOrWithoutTextIsRefusedWithTheInputKept() {
        Map<String, String> wrong = rule("NO_MOMENT_FOR_DAYS", "500", "1");
        wrong.put("feedbackEn", "");
        wrong.put("competencyId", "12345");

        HttpResponse<String> refused = teacher.post("/teacher/insights/tips", wrong);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Not saved: please correct the fields marked below.")
                .contains("Enter a whole number within the range of the chosen rule")
                .contains("Choose a competency of the course, and only for the competency rule.")
                .contains("Please fill this in.", "value=\"500\"", "Drie dagen zonder moment.")
                .contains("Choose the rule and fill in the three parts of the tip");
        assertThat(teacher.post("/teacher/insights/tips", Map.of("type", "EVAL(1)"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(teacher.get("/teacher/insights/tips").body()).doesNotContain("id=\"rule-own-1\"");
    }

    @Test
    void thePreviewCountsTheStudentsTheRuleWouldShowToAndShowsTheTipWithoutNames() {
        HttpResponse<String> preview =
                teacher.post("/teacher/insights/tips/preview", rule("INTERNSHIP_MISSING", "", "1"));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("This rule would show to 4 of 6 students now.")
                .contains("The tip as a student sees it", "Three days without a moment.", "Log one thing today.")
                .contains("class=\"rule-preview-content\"")
                .doesNotContain("<html", "<section")
                .doesNotContain(names.toArray(String[]::new));

        assertThat(teacher.post("/teacher/insights/tips/preview", rule("NO_MOMENT_FOR_DAYS", "3", "1"))
                        .body())
                .contains("This rule would show to 6 of 6 students now.");
        assertThat(teacher.post("/teacher/insights/tips/preview", rule("NO_MOMENT_FOR_DAYS", "0", "1"))
                        .body())
                .contains("Choose the rule and fill in the three parts of the tip")
                .doesNotContain("would show to");
    }

    @Test
    void helpfulnessIsCountedPerTipAndNeverSaysWho() {
        students.get(0).post("/student/tips/log-regularly/helpful", Map.of());
        students.get(4).post("/student/tips/log-regularly/helpful", Map.of());
        students.get(5).post("/student/tips/internship-missing/helpful", Map.of());

        String list = teacher.get("/teacher/insights/tips").body();

        assertThat(row(list, "log-regularly")).contains("<td>2</td>");
        assertThat(row(list, "internship-missing")).contains("<td>1</td>");
        assertThat(row(list, "vary-categories")).contains("<td>0</td>");
        assertThat(list).doesNotContain(names.toArray(String[]::new));
    }

    @Test
    void aCourseOfFewerThanFiveStudentsGetsNoCounts() {
        CourseUsers small = launchCourse();
        classmateOf(small.student());

        String list = small.teacher().get("/teacher/insights/tips").body();
        String preview = small.teacher()
                .post("/teacher/insights/tips/preview", rule("INTERNSHIP_MISSING", "", "1"))
                .body();

        assertThat(list).contains("Fewer than 5 students in this course: no counts are shown");
        assertThat(row(list, "internship-missing")).contains(">not shown<").doesNotContain(" of 2");
        assertThat(preview).contains("Fewer than 5 students").doesNotContain("would show to");
    }

    @Test
    void studentsAndOtherCoursesCannotUseTheEditor() {
        assertThat(students.get(0).get("/teacher/insights/tips").statusCode()).isBetween(400, 404);
        assertThat(students.get(0)
                        .post("/teacher/insights/tips/log-regularly/enabled", Map.of("enabled", "false"))
                        .statusCode())
                .isBetween(400, 404);
        assertThat(teacher.get("/teacher/insights/tips/own-99").statusCode()).isEqualTo(404);
        assertThat(teacher.post("/teacher/insights/tips/own-99/enabled", Map.of("enabled", "false"))
                        .statusCode())
                .isEqualTo(404);
    }

    /** A complete rule form of {@code type} with its number and priority, and a recognisable text. */
    private static Map<String, String> rule(String type, String threshold, String priority) {
        Map<String, String> form = new HashMap<>();
        form.put("type", type);
        form.put("threshold", threshold);
        form.put("competencyId", "");
        form.put("priority", priority);
        form.put("cooldownDays", "7");
        form.put("enabled", "true");
        form.put("feedUpNl", "Regelmatig loggen helpt.");
        form.put("feedUpEn", "Logging regularly helps.");
        form.put("feedbackNl", "Drie dagen zonder moment.");
        form.put("feedbackEn", "Three days without a moment.");
        form.put("feedForwardNl", "Log vandaag iets.");
        form.put("feedForwardEn", "Log one thing today.");
        return form;
    }

    /** The table row of the rule {@code key} on the list page. */
    private static String row(String page, String key) {
        int start = page.indexOf("<tr id=\"rule-" + key + "\"");
        assertThat(start).as("row of " + key).isGreaterThanOrEqualTo(0);
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
