package nl.leerlog.tool.internship.internal;

import static nl.leerlog.schema.Tables.ENROLMENT;
import static nl.leerlog.schema.Tables.INTERNSHIP;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Internship data over HTTP: the student enters it, a teacher of the course corrects it, bad input is refused
 * with clear messages and kept, and nobody else reaches it.
 */
class InternshipPageTests extends LaunchedCourseTests {

    CourseUsers users;
    LaunchedUser student;
    long studentId;
    long courseId;

    @BeforeEach
    void launch() {
        users = launchCourse();
        student = users.student();
        studentId = userIdOf(student);
        courseId = courseIdOf(student);
    }

    /** An internship in its second week of eleven, a day either way of the server's date. */
    private static Map<String, String> internship(String organisation) {
        Map<String, String> form = new HashMap<>();
        form.put("organisation", organisation);
        form.put("supervisorName", "Ineke Bakker");
        form.put("supervisorEmail", "ineke@zorghuis.example.nl");
        form.put("startsOn", LocalDate.now().minusDays(10).toString());
        form.put("endsOn", LocalDate.now().plusDays(63).toString());
        form.put("assignment", "Een dagprogramma ontwerpen");
        return form;
    }

    @Test
    void theTeacherListsTheCourseStudentsWithTheirInternshipAndNothingOfTheirLog() {
        student.post("/student/internship", internship("Zorghuis De Linde"));
        rows().moment(ownerOf(student), "Een leermoment dat alleen van de student is");

        HttpResponse<String> page = users.teacher().get("/teacher/students");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Sanne de Vries",
                        "Zorghuis De Linde",
                        "Ineke Bakker",
                        "Week 2 of 11",
                        "/teacher/students/" + studentId + "/internship")
                .doesNotContain("Een leermoment dat alleen van de student is");
        assertThat(users.otherTeacher().get("/teacher/students").body())
                .doesNotContain("Zorghuis De Linde", "/teacher/students/" + studentId + "/");
        assertThat(student.get("/teacher/students").statusCode()).isEqualTo(403);
    }

    @Test
    void theStudentEntersTheirInternshipAndSeesWhichWeekItIs() {
        assertThat(student.post("/student/internship", internship("Zorghuis De Linde"))
                        .statusCode())
                .isEqualTo(302);

        HttpResponse<String> page = student.get("/student/internship?saved=true");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Your changes are saved.",
                        "Zorghuis De Linde",
                        "Ineke Bakker",
                        "mailto:ineke@zorghuis.example.nl",
                        "Week 2 of 11",
                        ">Een dagprogramma ontwerpen</textarea>");
        assertThat(db.fetchSingle(INTERNSHIP, INTERNSHIP.COURSE_ID.eq(courseId), INTERNSHIP.STUDENT_ID.eq(studentId))
                        .getUpdatedBy())
                .isEqualTo(studentId);
    }

    @Test
    void beforeTheStartTheCounterSaysWhenItStartsAndAfterTheEndThatItIsFinished() {
        Map<String, String> upcoming = internship("Zorghuis De Linde");
        upcoming.put("startsOn", LocalDate.now().plusDays(20).toString());
        upcoming.put("endsOn", LocalDate.now().plusDays(120).toString());
        student.post("/student/internship", upcoming);
        assertThat(student.get("/student/internship").body()).containsPattern("Starts in (19|20|21) days");

        Map<String, String> finished = internship("Zorghuis De Linde");
        finished.put("startsOn", LocalDate.now().minusDays(120).toString());
        finished.put("endsOn", LocalDate.now().minusDays(20).toString());
        student.post("/student/internship", finished);
        assertThat(student.get("/student/internship").body()).contains("Internship finished");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndTheInputKept() {
        Map<String, String> form = internship("Zorghuis De Linde");
        form.put("supervisorEmail", "ineke at zorghuis");
        form.put("startsOn", "2026-06-01");
        form.put("endsOn", "2026-02-01");
        form.put("organisation", "O".repeat(301));

        HttpResponse<String> refused = student.post("/student/internship", form);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains(
                        "Enter an e-mail address like name@example.nl.",
                        "The last day cannot be before the first day.",
                        "This is too long.",
                        "value=\"ineke at zorghuis\"",
                        "value=\"2026-02-01\"",
                        "aria-describedby=\"endsOn-error\"",
                        "aria-describedby=\"supervisorEmail-error\"");
        assertThat(db.fetchCount(INTERNSHIP, INTERNSHIP.STUDENT_ID.eq(studentId)))
                .isZero();
    }

    @Test
    void aDateThatIsNoDateIsRefused() {
        Map<String, String> form = internship("Zorghuis De Linde");
        form.put("startsOn", "1 februari");

        HttpResponse<String> refused = student.post("/student/internship", form);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Enter a date like 2026-02-02.", "value=\"1 februari\"");
    }

    @Test
    void aDateWithNoSuchMonthOrDayIsRefused() {
        Map<String, String> form = internship("Zorghuis De Linde");
        form.put("endsOn", "2026-13-45");

        HttpResponse<String> refused = student.post("/student/internship", form);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Enter a date like 2026-02-02.", "value=\"2026-13-45\"", "aria-describedby=\"endsOn-error\"");
        assertThat(db.fetchCount(INTERNSHIP, INTERNSHIP.STUDENT_ID.eq(studentId)))
                .isZero();
    }

    @Test
    void aTeacherOfTheCourseCorrectsTheStudentsInternship() {
        student.post("/student/internship", internship("Zorghuis De Linde"));
        long teacherId = userIdOf(users.teacher());
        String path = "/teacher/students/" + studentId + "/internship";

        assertThat(users.teacher().get(path).body()).contains("value=\"Zorghuis De Linde\"");
        assertThat(users.teacher().post(path, internship("Zorghuis De Eik")).statusCode())
                .isEqualTo(302);

        assertThat(db.fetchSingle(INTERNSHIP, INTERNSHIP.STUDENT_ID.eq(studentId)))
                .satisfies(row -> {
                    assertThat(row.getOrganisation()).isEqualTo("Zorghuis De Eik");
                    assertThat(row.getUpdatedBy()).isEqualTo(teacherId);
                });
        assertThat(student.get("/student/internship").body()).contains("Zorghuis De Eik");
    }

    @Test
    void aTeachersBadInputIsRefusedToo() {
        Map<String, String> form = internship("Zorghuis De Linde");
        form.put("supervisorEmail", "@zorghuis.nl");

        HttpResponse<String> refused = users.teacher().post("/teacher/students/" + studentId + "/internship", form);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Enter an e-mail address like name@example.nl.", "value=\"@zorghuis.nl\"");
    }

    @Test
    void nobodyElseReadsOrChangesTheInternship() {
        student.post("/student/internship", internship("Zorghuis De Linde"));
        String path = "/teacher/students/" + studentId + "/internship";

        assertThat(users.otherTeacher().get(path).statusCode()).isEqualTo(404);
        assertThat(users.otherTeacher().post(path, internship("Taken over")).statusCode())
                .isEqualTo(404);
        // Students never reach teacher pages; one about someone answers "not found", as for any stranger.
        assertThat(users.otherStudent().get(path).statusCode()).isEqualTo(404);
        assertThat(users.otherStudent().post(path, internship("Taken over")).statusCode())
                .isEqualTo(404);
        assertThat(users.otherStudent().get("/student/internship").body()).doesNotContain("Zorghuis De Linde");
        assertThat(users.teacher().get("/student/internship").statusCode()).isEqualTo(404);
        assertThat(db.fetchSingle(INTERNSHIP, INTERNSHIP.STUDENT_ID.eq(studentId))
                        .getOrganisation())
                .isEqualTo("Zorghuis De Linde");
    }

    @Test
    void aTeacherReachesOnlyActiveStudentsOfTheirCourse() {
        long teacherId = userIdOf(users.teacher());
        long otherStudentId = userIdOf(users.otherStudent());

        assertThat(users.teacher()
                        .get("/teacher/students/" + teacherId + "/internship")
                        .statusCode())
                .isEqualTo(404);
        assertThat(users.teacher()
                        .get("/teacher/students/" + otherStudentId + "/internship")
                        .statusCode())
                .isEqualTo(404);
        db.update(ENROLMENT)
                .set(ENROLMENT.ACTIVE, false)
                .where(ENROLMENT.COURSE_ID.eq(courseId), ENROLMENT.USER_ID.eq(studentId))
                .execute();
        assertThat(users.teacher()
                        .get("/teacher/students/" + studentId + "/internship")
                        .statusCode())
                .isEqualTo(404);
    }
}
