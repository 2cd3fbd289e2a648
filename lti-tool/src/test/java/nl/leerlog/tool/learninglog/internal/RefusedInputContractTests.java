package nl.leerlog.tool.learninglog.internal;

import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.MultipartForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What no one types is refused before it reaches a form or the database: a NUL (which PostgreSQL holds in no text)
 * or another control character in any parameter, and a multipart body that cannot be read. Each answer is a 400
 * page, or problem details under /api, and what was saved before stays as it was. Proven on each database: the
 * subclasses only choose it.
 */
abstract class RefusedInputContractTests extends LogApplicationTests {

    LaunchedUser student;
    long course;
    long intake;

    @BeforeEach
    void studentWithOneMoment() {
        student = launchCourse().student();
        course = courseIdOf(student);
        intake = saveMoment(
                student, MultipartForm.moment("2026-03-02", "Intake", "save").field("body", "Met my supervisor"));
    }

    String storedTitle() {
        return db.select(LEARNING_MOMENT.TITLE)
                .from(LEARNING_MOMENT)
                .where(LEARNING_MOMENT.ID.eq(intake))
                .fetchSingle(LEARNING_MOMENT.TITLE);
    }

    int moments() {
        return db.fetchCount(LEARNING_MOMENT, LEARNING_MOMENT.COURSE_ID.eq(course));
    }

    static void assertRefusedForCharacters(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Characters that cannot be used", "Status 400");
    }

    @Test
    void aNulInAnEditedMomentIsRefusedAndTheSavedMomentStays() {
        HttpResponse<String> edit = send(
                student,
                "/student/log/" + intake,
                MultipartForm.moment("2026-03-02", "Intake\u0000edited", "save").field("body", "Changed"));

        assertRefusedForCharacters(edit);
        assertThat(storedTitle()).isEqualTo("Intake");
        assertThat(student.get("/student/log/" + intake).body()).contains("Met my supervisor");
    }

    @Test
    void aNulInANewMomentsTextIsRefusedAndNothingIsSaved() {
        HttpResponse<String> saved = send(
                student,
                "/student/log",
                MultipartForm.moment("2026-03-03", "Visit", "save").field("body", "Before\u0000after"));

        assertRefusedForCharacters(saved);
        assertThat(moments()).isEqualTo(1);
    }

    @Test
    void aNulInTheSearchIsRefusedAndTheLogStillFindsItsMoments() {
        HttpResponse<String> search = student.get("/student/log?q=Int%00ake");

        assertRefusedForCharacters(search);
        assertThat(student.get("/student/log?q=intake").body()).contains("Intake");
    }

    @Test
    void otherControlCharactersAreRefusedButTabsAndLineBreaksAreText() {
        assertRefusedForCharacters(send(
                student, "/student/log/" + intake, MultipartForm.moment("2026-03-02", "Intake \u001b[31mred", "save")));
        assertRefusedForCharacters(student.get("/student/log?q=%7F"));

        long lines = saveMoment(
                student,
                MultipartForm.moment("2026-03-04", "Lines", "save")
                        .field("body", "First line\r\nSecond line\twith a tab"));

        assertThat(student.get("/student/log/" + lines).body()).contains("First line", "Second line");
        assertThat(storedTitle()).isEqualTo("Intake");
    }

    @Test
    void aMultipartBodyWithoutBoundaryIsRefusedAndNothingChanges() {
        HttpResponse<String> response = student.browser()
                .send(student.request("/student/log/" + intake)
                        .header("Content-Type", "multipart/form-data")
                        .POST(MultipartForm.moment("2026-03-02", "Overwritten", "save")
                                .publisher()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Form could not be read", "Status 400");
        assertThat(storedTitle()).isEqualTo("Intake");
        assertThat(moments()).isEqualTo(1);
    }

    @Test
    void theApiAnswersBothWithProblemDetails() {
        HttpResponse<String> nul = student.get("/api/me?name=a%00b");
        HttpResponse<String> noBoundary = student.browser()
                .send(student.request("/api/me")
                        .header("Content-Type", "multipart/form-data")
                        .POST(HttpRequest.BodyPublishers.ofString("--x\r\n\r\n--x--\r\n")));

        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(nul.body()).contains("\"title\":\"Unusable characters\"", "\"status\":400");
        assertThat(noBoundary.statusCode()).isEqualTo(400);
        assertThat(noBoundary.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(noBoundary.body()).contains("\"title\":\"Unreadable request body\"");
    }
}
