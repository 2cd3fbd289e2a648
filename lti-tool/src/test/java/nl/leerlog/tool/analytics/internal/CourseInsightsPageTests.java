package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.tool.analytics.internal.AnalyticsRows.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The teachers' course view over real launches: nothing at all for a group of four students, only sums, averages and
 * shares from five on, never a name or one student's figure; in a course that asks consent only students who opted
 * in count, and a withdrawal counts at once.
 */
class CourseInsightsPageTests extends LaunchedCourseTests {

    static final String TOO_FEW = "Not enough students";

    @Autowired
    AnalyticsSettings settings;

    @Autowired
    InternshipTeachers internshipTeachers;

    CourseUsers users;
    LaunchedUser teacher;
    List<LaunchedUser> students = new ArrayList<>();
    List<String> names = new ArrayList<>();
    AnalyticsRows rows;

    @BeforeEach
    void aCourse() {
        users = launchCourse();
        teacher = users.teacher();
        students.add(users.student());
        rows = new AnalyticsRows(db);
    }

    /**
     * Students up to {@code count} in all, the one at index i with i learning moments this week (so 0, 1, 2, ...) and
     * one draft that never counts.
     */
    private void studentsWithMoments(int count) {
        while (students.size() < count) {
            students.add(classmateOf(users.student()));
        }
        for (int i = 0; i < students.size(); i++) {
            String name = "Leerling Verborgen" + (char) ('A' + i);
            names.add(name);
            db.update(APP_USER)
                    .set(APP_USER.DISPLAY_NAME, name)
                    .where(APP_USER.ID.eq(userIdOf(students.get(i))))
                    .execute();
            var owner = ownerOf(students.get(i));
            for (int m = 0; m < i; m++) {
                rows.moment(owner, today(), 30, null, false);
            }
            rows.moment(owner, today(), 30, null, true);
        }
    }

    @Test
    void fourStudentsShowNoFigureAtAll() {
        studentsWithMoments(4);

        String page = teacher.get("/teacher/insights").body();

        assertThat(page)
                .contains("Insights into the course", TOO_FEW, "This group has fewer than 5 students")
                .doesNotContain("Students counted", "<table", "Per student", "Students who logged")
                .doesNotContain(names.toArray(String[]::new));
    }

    @Test
    void fiveStudentsShowOnlyTheGroupsSumsAveragesAndShares() {
        studentsWithMoments(5);

        String page = teacher.get("/teacher/insights").body();

        assertThat(page).doesNotContain(TOO_FEW).contains("Students counted</dt>\n        <dd>5</dd>");
        String thisWeek = lastWeekRow(page);
        // 0 + 1 + 2 + 3 + 4 moments (drafts left out), 2.0 a student, four of the five logged.
        assertThat(thisWeek).contains("<td>10</td>", "<td>2.0</td>", "<td>80 %</td>");
        assertThat(page).doesNotContain(names.toArray(String[]::new)).doesNotContain("/teacher/students/");
        for (int i = 1; i < 5; i++) {
            assertThat(thisWeek).doesNotContain("<td>" + i + "</td>");
        }
    }

    @Test
    void inACourseThatAsksConsentOnlyStudentsWhoOptedInCountAndAWithdrawalCountsAtOnce() {
        studentsWithMoments(6);
        settings.requireConsent(courseIdOf(teacher), true, userIdOf(teacher), Instant.now());
        assertThat(students.get(1).get("/student/insights").body())
                .contains("You are not counted in the course\u2019s figures.", "Count me in the course\u2019s figures");
        for (int i = 1; i <= 4; i++) {
            assertThat(redirectOf(students.get(i).post("/student/insights/course-figures", Map.of())))
                    .isEqualTo("/student/insights");
        }

        assertThat(teacher.get("/teacher/insights").body())
                .contains("This course asks consent", TOO_FEW, "Fewer than 5 students of this group agreed")
                .doesNotContain("Students counted");

        students.get(5).post("/student/insights/course-figures", Map.of());
        String page = teacher.get("/teacher/insights").body();
        assertThat(page).contains("Students counted</dt>\n        <dd>5</dd>");
        // Students 1 to 5 opted in: 1 + 2 + 3 + 4 + 5 moments, each of them logged.
        assertThat(lastWeekRow(page)).contains("<td>15</td>", "<td>3.0</td>", "<td>100 %</td>");
        assertThat(students.get(5).get("/student/insights").body())
                .contains("You are counted in the course\u2019s figures.", "Stop counting me");

        assertThat(redirectOf(students.get(5).post("/student/insights/course-figures/withdraw", Map.of())))
                .isEqualTo("/student/insights");
        assertThat(teacher.get("/teacher/insights").body()).contains(TOO_FEW).doesNotContain("Students counted");
    }

    @Test
    void theTeachersOwnInternsAreAGroupOfTheirOwnWithTheSameMinimum() {
        studentsWithMoments(6);
        long courseId = courseIdOf(teacher);
        internshipTeachers.link(
                courseId,
                students.subList(0, 4).stream().map(this::userIdOf).toList(),
                userIdOf(teacher),
                Instant.now());

        assertThat(teacher.get("/teacher/insights").body()).contains("Students counted</dt>\n        <dd>6</dd>");
        assertThat(teacher.get("/teacher/insights?group=mine").body())
                .contains(TOO_FEW)
                .doesNotContain("Students counted");

        internshipTeachers.link(courseId, List.of(userIdOf(students.get(4))), userIdOf(teacher), Instant.now());
        assertThat(lastWeekRow(teacher.get("/teacher/insights?group=mine").body()))
                .contains("<td>10</td>", "<td>2.0</td>", "<td>80 %</td>");
    }

    @Test
    void aCourseWithoutConsentHasNothingToOptInToAndStudentsHaveNoCourseView() {
        assertThat(students.get(0)
                        .post("/student/insights/course-figures", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(students.get(0).get("/student/insights").body()).doesNotContain("Count me in");
        assertThat(students.get(0).get("/teacher/insights").statusCode()).isBetween(400, 404);
    }

    /** The row of the current week in the week table, the last one. */
    private static String lastWeekRow(String page) {
        int table = page.indexOf("Learning moments per week");
        assertThat(table).as("the week table").isGreaterThan(0);
        int end = page.indexOf("</tbody>", table);
        int start = page.lastIndexOf("<tr>", end);
        return page.substring(start, end);
    }
}
