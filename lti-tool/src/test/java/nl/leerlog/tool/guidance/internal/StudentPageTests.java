package nl.leerlog.tool.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.internship.Internships;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The internship teacher's list of interns and the page per intern, over real launches: their own interns only. */
class StudentPageTests extends LaunchedCourseTests {

    @Autowired
    InternshipTeachers links;

    @Autowired
    Internships internships;

    CourseUsers users;
    LaunchedUser classmate;
    LaunchedUser secondTeacher;
    long course;
    String page;

    @BeforeEach
    void aStudentLinkedToTheirInternshipTeacher() {
        users = launchCourse();
        classmate = classmateOf(users.student());
        secondTeacher = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en");
        course = courseIdOf(users.student());
        links.link(course, List.of(userIdOf(users.student())), userIdOf(users.teacher()), Instant.now());
        page = "/teacher/students/" + userIdOf(users.student());
    }

    @Test
    void theInternshipDataStandsBesideTheQuestionsTheStudentSent() {
        internships.save(
                course,
                userIdOf(users.student()),
                new Internship(
                        "Zorggroep De Linde",
                        "Marieke Jansen",
                        "m.jansen@delinde.example",
                        LocalDate.now().minusWeeks(2),
                        LocalDate.now().plusWeeks(18).minusDays(1),
                        "Set up a daily activity programme"),
                userIdOf(users.student()));
        String thread = ask(users.student(), "How do I plan my week?");

        HttpResponse<String> shown = users.teacher().get(page);

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body())
                .contains(
                        "Zorggroep De Linde",
                        "Marieke Jansen",
                        "mailto:m.jansen@delinde.example",
                        "Set up a daily activity programme",
                        "Week 3 of 20",
                        "How do I plan my week?",
                        "Waiting for the teacher",
                        thread.replace("/student/", "/teacher/"));
    }

    @Test
    void withoutInternshipDataOrQuestionsThePageSaysWhatToDo() {
        String shown = users.teacher().get(page).body();

        assertThat(shown)
                .contains(
                        "No internship data yet: ask the student to fill it in",
                        "This student has not sent you a question yet.");
    }

    @Test
    void thePageShowsNothingTheStudentKeptToThemselves() {
        rows().moment(ownerOf(users.student()), "Private doubts about the placement");

        assertThat(users.teacher().get(page).body()).doesNotContain("Private doubts about the placement");
        assertThat(users.teacher().get("/teacher/dashboard").body())
                .doesNotContain("Private doubts about the placement");
    }

    @Test
    void everyoneButTheInternshipTeacherGetsNotFound() {
        ask(users.student(), "Only for my teacher");

        for (LaunchedUser stranger :
                List.of(secondTeacher, users.otherTeacher(), classmate, users.otherStudent(), users.student())) {
            HttpResponse<String> response = stranger.get(page);
            assertThat(response.statusCode()).as(stranger.subject()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Only for my teacher", "Sanne");
        }
        // A student reaching for a teacher page without an id is told it is not for their role.
        assertThat(classmate.get("/teacher/dashboard").statusCode()).isEqualTo(403);
        assertThat(users.teacher().get("/teacher/students/999999999").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theLinkedTeachersFormWithoutItsTokenIsRefusedAsSuchNotAsNotFound() {
        String thread = ask(users.student(), "Token please").replace("/student/", "/teacher/");

        HttpResponse<String> refused = users.teacher()
                .browser()
                .send(java.net.http.HttpRequest.newBuilder(
                                URI.create(users.teacher().browser().toolBaseUrl() + thread + "/reply"))
                        .header("X-Lti-Session", users.teacher().sessionToken())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("body=Hello")));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("security token");
    }

    @Test
    void unlinkingTakesThePageAwayAtOnceAndKeepsTheThreadWithTheStudent() {
        String thread = ask(users.student(), "Still mine");

        links.unlink(course, List.of(userIdOf(users.student())));

        assertThat(users.teacher().get(page).statusCode()).isEqualTo(404);
        assertThat(users.teacher().get("/teacher/dashboard").body()).doesNotContain(page);
        assertThat(users.student().get(thread).body()).contains("Still mine");
    }

    @Test
    void theTeacherListsOnlyTheirOwnInternsWithTheQuestionsWaiting() {
        links.link(course, List.of(userIdOf(classmate)), userIdOf(secondTeacher), Instant.now());
        ask(users.student(), "First question");
        ask(users.student(), "Second question");

        String mine = users.teacher().get("/teacher/dashboard").body();
        String theirs = secondTeacher.get("/teacher/dashboard").body();

        assertThat(mine)
                .contains(page, "Question waiting since")
                .doesNotContain("/teacher/students/" + userIdOf(classmate));
        assertThat(UrgencyPageTests.rows(mine)).containsExactly(userIdOf(users.student()) + ":orange");
        assertThat(theirs).contains("/teacher/students/" + userIdOf(classmate)).doesNotContain(page);
    }

    @Test
    void aTeacherWithoutInternsIsToldHowTheyGetThem() {
        assertThat(secondTeacher.get("/teacher/dashboard").body()).contains("No interns are linked to you yet.");
    }

    @Test
    void theQuestionsComeInPagesOfFiftyTheLatestChangeFirst() {
        for (int i = 1; i <= TeacherGuidanceController.PAGE_SIZE + 1; i++) {
            ask(users.student(), "Question number " + i);
        }

        String first = users.teacher().get("/teacher/guidance").body();
        String second = users.teacher().get("/teacher/guidance?page=2").body();

        assertThat(first)
                .contains("Question number 51", "Question number 2<", "Earlier questions")
                .doesNotContain("Question number 1<", "More recent questions");
        assertThat(second)
                .contains("Question number 1<", "More recent questions")
                .doesNotContain("Question number 2<", "Earlier questions");
        assertThat(users.teacher().get("/teacher/guidance?page=0").body()).contains("Question number 51");
    }

    /** The student asks without items; the path of the new thread. */
    private static String ask(LaunchedUser student, String title) {
        HttpResponse<String> sent = student.post(
                "/student/guidance/new",
                List.of("title=" + title, "question=Could you help me with this?", "answerForm=WRITTEN"));
        assertThat(sent.statusCode()).isEqualTo(302);
        return URI.create(sent.headers().firstValue("Location").orElseThrow()).getPath();
    }
}
