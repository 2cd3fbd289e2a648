package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.tool.analytics.internal.AnalyticsRows.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.Owner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The course's analytics settings (consent, the counsellor's address) and the low-wellbeing tip they feed: after two
 * low weeks of check-ins the student sees when their teacher answers and the counsellor; only the student.
 */
class WellbeingTipPageTests extends LaunchedCourseTests {

    static final String TIP = "Your check-ins of the last two weeks were low.";
    static final String COUNSELLOR = "https://www.hogeschool.example.nl/studentendecaan";

    @Autowired
    CheckIns checkIns;

    @Autowired
    InternshipTeachers internshipTeachers;

    CourseUsers users;
    LaunchedUser student;
    LaunchedUser teacher;
    Owner owner;

    @BeforeEach
    void launched() {
        users = launchCourse();
        student = users.student();
        teacher = users.teacher();
        owner = ownerOf(student);
    }

    private void lowWeeks() {
        checkIns.save(owner, today().minusWeeks(1), 2, 4, 2, null, Instant.now());
        checkIns.save(owner, today(), 1, 4, 3, null, Instant.now());
    }

    @Test
    void theSettingsFormSavesConsentAndTheCounsellorsAddress() {
        assertThat(teacher.get("/teacher/insights/settings").body())
                .contains("Insights settings", "name=\"consentRequired\" value=\"false\" checked");

        assertThat(redirectOf(teacher.post(
                        "/teacher/insights/settings",
                        Map.of("consentRequired", "true", "counsellorUrl", " " + COUNSELLOR + " "))))
                .isEqualTo("/teacher/insights/settings?done=saved");

        assertThat(teacher.get("/teacher/insights/settings?done=saved").body())
                .contains("The settings are saved.", "value=\"true\" checked", "value=\"" + COUNSELLOR + "\"");
        assertThat(student.get("/student/insights").body()).contains("May Leerlog compute insights");
    }

    @Test
    void aWrongAddressOrNoChoiceIsRefusedWithTheInputKept() {
        HttpResponse<String> plainHttp = teacher.post(
                "/teacher/insights/settings",
                Map.of("consentRequired", "false", "counsellorUrl", "http://decaan.example.nl"));
        assertThat(plainHttp.statusCode()).isEqualTo(422);
        assertThat(plainHttp.body()).contains("The address must start with https://.", "http://decaan.example.nl");

        HttpResponse<String> noChoice =
                teacher.post("/teacher/insights/settings", Map.of("consentRequired", "maybe", "counsellorUrl", ""));
        assertThat(noChoice.statusCode()).isEqualTo(422);
        assertThat(noChoice.body()).contains("Choose whether students are asked for consent.");
        assertThat(student.post("/teacher/insights/settings", Map.of("consentRequired", "true"))
                        .statusCode())
                .isBetween(400, 404);
    }

    @Test
    void twoLowWeeksShowTheTeachersAvailabilityAndTheCounsellor() {
        internshipTeachers.link(owner.courseId(), List.of(owner.userId()), userIdOf(teacher), Instant.now());
        teacher.post("/teacher/insights/settings", Map.of("consentRequired", "false", "counsellorUrl", COUNSELLOR));
        assertThat(student.get("/student/insights").body()).doesNotContain(TIP);

        lowWeeks();

        String page = student.get("/student/insights").body();
        assertThat(page)
                .contains(TIP, "id=\"tip-wellbeing\"")
                .contains(
                        "reads and answers questions on Monday, Tuesday, Wednesday, Thursday, Friday, within 3 working days.")
                .contains("href=\"" + COUNSELLOR + "\"", "The school\u2019s student counsellor");
        assertThat(student.get("/student/tips/panel?returnTo=/student/log").body())
                .contains(TIP, COUNSELLOR);
        assertThat(classmateOf(student).get("/student/insights").body()).doesNotContain(TIP);
        assertThat(teacher.get("/teacher/insights").body()).doesNotContain(TIP);
    }

    @Test
    void withoutATeacherOrCounsellorTheTipPointsToGuidance() {
        lowWeeks();

        String page = student.get("/student/insights").body();

        assertThat(page)
                .contains(TIP, "You have no internship teacher yet")
                .doesNotContain("reads and answers questions on", "student counsellor (opens");
    }

    @Test
    void aBetterWeekEndsTheTip() {
        lowWeeks();
        assertThat(student.get("/student/insights").body()).contains(TIP);

        student.post("/student/insights/checkin", Map.of("mood", "4", "workload", "3", "energy", "4"));

        assertThat(student.get("/student/insights").body()).doesNotContain(TIP);
    }
}
