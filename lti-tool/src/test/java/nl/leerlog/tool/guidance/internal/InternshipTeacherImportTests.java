package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.INTERNSHIP_TEACHER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leerlog.lti.claims.LtiClaims;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.MultipartForm;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A coordinator links students to internship teachers from a CSV file, over real launches. */
class InternshipTeacherImportTests extends LaunchedCourseTests {

    private static final String IMPORT = "/teacher/students/teachers/import";

    @Autowired
    InternshipTeachers links;

    CourseUsers users;
    LaunchedUser classmate;
    LaunchedUser secondTeacher;
    long course;

    @BeforeEach
    void aCourseWithThreeStudentsAndTwoTeachers() {
        users = launchCourse();
        classmate = classmateOf(users.student());
        secondTeacher = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en");
        course = courseIdOf(users.student());
        setLogin(users.student(), "s" + unique(), null);
        setLogin(classmate, null, "noah." + unique() + "@student.example");
        setLogin(secondTeacher, "m.visser." + unique(), null);
    }

    @Test
    void aLaunchThatCarriesTheLoginIdStoresIt() {
        String subject = "user-" + UUID.randomUUID();
        HttpResponse<String> launched = new LaunchClient("http://localhost:" + port)
                .fullLaunch(
                        PLATFORM,
                        claims -> claims.subject(subject)
                                .claim(
                                        LtiClaims.CONTEXT,
                                        Map.of("id", users.student().contextId()))
                                .claim(LtiClaims.ROLES, List.of(TestPlatform.LEARNER))
                                .claim(LtiClaims.CUSTOM, Map.of("login_id", "s7654321")));

        assertThat(launched.statusCode()).isEqualTo(200);
        assertThat(db.select(APP_USER.LOGIN_ID)
                        .from(APP_USER)
                        .where(APP_USER.SUBJECT.eq(subject))
                        .fetchSingle(APP_USER.LOGIN_ID))
                .isEqualTo("s7654321");
    }

    @Test
    void studentsAreLinkedByLoginIdEmailOrLmsUserIdFromADutchExcelFile() {
        links.link(course, List.of(userIdOf(classmate)), userIdOf(users.teacher()), Instant.now());
        String csv = "\uFEFFStudent;Docent\r\n"
                + loginOf(users.student()) + ";" + users.teacher().subject() + "\r\n"
                + emailOf(classmate).toUpperCase() + ";" + loginOf(secondTeacher) + "\r\n";

        HttpResponse<String> imported = upload(users.teacher(), csv.getBytes(StandardCharsets.UTF_8));

        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("2 student(s) linked, of whom 1 moved from another teacher; 0 line(s)");
        assertThat(links.isInternshipTeacherOf(course, userIdOf(users.teacher()), userIdOf(users.student())))
                .isTrue();
        assertThat(links.isInternshipTeacherOf(course, userIdOf(secondTeacher), userIdOf(classmate)))
                .isTrue();
    }

    @Test
    void eachRefusedLineIsReportedWithItsReasonAndTheValidOnesAreLinked() {
        String csv = String.join(
                "\n",
                "nobody-here," + users.teacher().subject(),
                users.teacher().subject() + "," + users.teacher().subject(),
                loginOf(users.student()) + "," + loginOf(users.student()),
                users.otherStudent().subject() + "," + users.teacher().subject(),
                "\"\"," + users.teacher().subject(),
                loginOf(users.student()) + "," + users.teacher().subject() + ",extra",
                loginOf(users.student()) + "," + users.teacher().subject(),
                loginOf(users.student()) + "," + loginOf(secondTeacher));

        String report =
                upload(users.teacher(), csv.getBytes(StandardCharsets.UTF_8)).body();

        assertThat(report)
                .contains(
                        "1 student(s) linked, of whom 0 moved from another teacher; 7 line(s) refused.",
                        "Line 1, student: nobody in this course has this login id",
                        "Line 2, student: this person is no student of this course.",
                        "Line 3, teacher: this person is no teacher of this course.",
                        "Line 4, student: nobody in this course",
                        "Line 5, student: this cell is empty.",
                        "Line 6: a line needs exactly two columns",
                        "Line 8, student: this student is already on an earlier line.");
        assertThat(links.teacherOf(course, userIdOf(users.student())).map(InternshipTeachers.Person::id))
                .contains(userIdOf(users.teacher()));
    }

    @Test
    void aFileThatCannotBeReadLinksNobody() {
        links.link(course, List.of(userIdOf(classmate)), userIdOf(users.teacher()), Instant.now());
        List<Long> before = linkedTeachers();
        String line = loginOf(users.student()) + "," + loginOf(secondTeacher) + "\n";

        HttpResponse<String> utf16 = upload(users.teacher(), line.getBytes(StandardCharsets.UTF_16LE));
        HttpResponse<String> unclosed = upload(users.teacher(), (line + "\"s1,t1\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> empty = upload(users.teacher(), new byte[0]);

        assertThat(utf16.statusCode()).isEqualTo(422);
        assertThat(utf16.body()).contains("The file is not UTF-8 text.", "Nobody was linked.");
        assertThat(unclosed.statusCode()).isEqualTo(422);
        assertThat(unclosed.body()).contains("The file is not readable as CSV");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Choose a CSV file.");
        assertThat(linkedTeachers()).isEqualTo(before);
    }

    @Test
    void theExampleFileNamesThisCoursesStudentsAndOnlyTeachersGetIt() {
        HttpResponse<String> example = users.teacher().get("/teacher/students/teachers/example.csv");

        assertThat(example.statusCode()).isEqualTo(200);
        assertThat(example.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(example.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");
        assertThat(example.body())
                .startsWith("student,teacher\r\n")
                .contains(loginOf(users.student()) + ",", emailOf(classmate) + ",")
                .doesNotContain(users.otherStudent().subject());
        assertThat(upload(users.teacher(), example.body().getBytes(StandardCharsets.UTF_8))
                        .body())
                .contains("2 student(s) linked");
        assertThat(users.student().get("/teacher/students/teachers/example.csv").statusCode())
                .isEqualTo(403);
        assertThat(upload(users.student(), example.body().getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theCanvasConfigurationAsksForTheLoginIdAtThePublicPrivacyLevel() {
        assertThat(users.teacher()
                        .browser()
                        .send(users.teacher().request("/lti/canvas.json").GET())
                        .body())
                .contains("\"login_id\"", "$Canvas.user.loginId");
    }

    private HttpResponse<String> upload(LaunchedUser user, byte[] content) {
        MultipartForm form = MultipartForm.empty().file("file", "interns.csv", "text/csv", content);
        return user.browser()
                .send(user.request(IMPORT)
                        .header("Content-Type", form.contentType())
                        .POST(form.publisher()));
    }

    private List<Long> linkedTeachers() {
        return db.select(INTERNSHIP_TEACHER.TEACHER_ID)
                .from(INTERNSHIP_TEACHER)
                .where(INTERNSHIP_TEACHER.COURSE_ID.eq(course))
                .orderBy(INTERNSHIP_TEACHER.STUDENT_ID)
                .fetch(INTERNSHIP_TEACHER.TEACHER_ID);
    }

    private void setLogin(LaunchedUser user, String loginId, String email) {
        db.update(APP_USER)
                .set(APP_USER.LOGIN_ID, loginId)
                .set(APP_USER.EMAIL, email)
                .where(APP_USER.SUBJECT.eq(user.subject()))
                .execute();
    }

    private String loginOf(LaunchedUser user) {
        return db.select(APP_USER.LOGIN_ID)
                .from(APP_USER)
                .where(APP_USER.SUBJECT.eq(user.subject()))
                .fetchSingle(APP_USER.LOGIN_ID);
    }

    private String emailOf(LaunchedUser user) {
        return db.select(APP_USER.EMAIL)
                .from(APP_USER)
                .where(APP_USER.SUBJECT.eq(user.subject()))
                .fetchSingle(APP_USER.EMAIL);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
