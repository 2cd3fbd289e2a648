package nl.leerlog.tool.learninglog.internal;

import static nl.leerlog.schema.Tables.EVIDENCE;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.MultipartForm;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A student's learning moments and evidence are theirs alone. A teacher of the same course, a teacher of another
 * course, a student of another course and a classmate get "not found" on every address with the student's ids,
 * change nothing, and never see the student's moments in a list or a search.
 */
class LearningLogAccessTests extends LogApplicationTests {

    CourseUsers users;
    LaunchedUser student;
    List<LaunchedUser> strangers;
    String secret;
    long moment;
    long evidence;
    long deletedMoment;
    long deletedEvidence;

    @BeforeEach
    void studentWithMomentsAndEvidence() {
        users = launchCourse();
        student = users.student();
        strangers = new ArrayList<>(users.strangers());
        strangers.add(classmateOf(student));
        secret = "secret-" + UUID.randomUUID();
        moment = saveMoment(
                student,
                MultipartForm.moment("2026-03-02", "Private " + secret, "save")
                        .field("body", "Only mine " + secret)
                        .file("evidence", "notes.txt", "text/plain", "my notes".getBytes(StandardCharsets.UTF_8))
                        .file("evidence", "gone.txt", "text/plain", "deleted notes".getBytes(StandardCharsets.UTF_8)));
        List<Long> files = db.select(EVIDENCE.ID)
                .from(EVIDENCE)
                .where(EVIDENCE.MOMENT_ID.eq(moment))
                .orderBy(EVIDENCE.ID)
                .fetch(EVIDENCE.ID);
        evidence = files.get(0);
        deletedEvidence = files.get(1);
        student.post("/student/log/" + moment + "/evidence/" + deletedEvidence + "/delete", Map.of());
        deletedMoment = saveMoment(student, MultipartForm.moment("2026-03-01", "Deleted " + secret, "save"));
        student.post("/student/log/" + deletedMoment + "/delete", Map.of());
    }

    /** Every address that takes an id of the student's records, as each request would be sent. */
    Map<String, Function<LaunchedUser, HttpResponse<String>>> endpoints() {
        String base = "/student/log/" + moment;
        return Map.of(
                "view", u -> u.get(base),
                "edit form", u -> u.get(base + "/edit"),
                "update", u -> send(u, base, MultipartForm.moment("2026-03-03", "Taken over", "save")),
                "delete", u -> u.post(base + "/delete", Map.of()),
                "restore", u -> u.post("/student/log/" + deletedMoment + "/restore", Map.of()),
                "evidence download", u -> u.get(base + "/evidence/" + evidence),
                "evidence delete", u -> u.post(base + "/evidence/" + evidence + "/delete", Map.of()),
                "evidence restore", u -> u.post(base + "/evidence/" + deletedEvidence + "/restore", Map.of()),
                "evidence upload with edit",
                        u -> send(
                                u,
                                base,
                                MultipartForm.moment("2026-03-02", "Private", "save")
                                        .file(
                                                "evidence",
                                                "planted.txt",
                                                "text/plain",
                                                "x".getBytes(StandardCharsets.UTF_8))));
    }

    List<Record> snapshot() {
        List<Record> rows = new ArrayList<>(db.selectFrom(LEARNING_MOMENT)
                .where(LEARNING_MOMENT.ID.in(moment, deletedMoment))
                .orderBy(LEARNING_MOMENT.ID)
                .fetch());
        rows.addAll(db.selectFrom(EVIDENCE)
                .where(EVIDENCE.MOMENT_ID.eq(moment))
                .orderBy(EVIDENCE.ID)
                .fetch());
        return rows;
    }

    @Test
    void everyAddressWithTheStudentsIdsIsNotFoundForEveryoneElseAndChangesNothing() {
        List<Record> before = snapshot();

        for (LaunchedUser stranger : strangers) {
            endpoints().forEach((name, request) -> {
                HttpResponse<String> response = request.apply(stranger);
                assertThat(response.statusCode()).as(name).isEqualTo(404);
                assertThat(response.body()).as(name).doesNotContain(secret, "my notes");
            });
        }

        assertThat(snapshot()).isEqualTo(before);
        assertThat(student.get("/student/log/" + moment).body())
                .contains("Private " + secret, "notes.txt")
                .doesNotContain("planted.txt");
        assertThat(student.get("/student/log/" + moment + "/evidence/" + evidence)
                        .body())
                .isEqualTo("my notes");
    }

    @Test
    void noListOrSearchOfSomeoneElseShowsTheStudentsMoments() {
        for (LaunchedUser stranger : strangers) {
            for (String list : List.of(
                    "/student/log",
                    "/student/log?q=" + secret,
                    "/student/log?drafts=on",
                    "/student/log?from=2026-01-01&to=2026-12-31")) {
                HttpResponse<String> response = stranger.get(list);
                // The search box shows the query itself; the moments' titles must not appear.
                assertThat(response.body()).as(list).doesNotContain("Private " + secret, "Deleted " + secret);
            }
        }
        assertThat(users.teacher().get("/student/log").statusCode()).isEqualTo(404);
        assertThat(users.otherStudent().get("/student/log?q=" + secret).body()).contains("No learning moments match");
        assertThat(student.get("/student/log?q=" + secret).body())
                .contains("Private " + secret)
                .doesNotContain("Deleted " + secret);
    }

    @Test
    void theStudentsOwnRequestsWorkOnTheSameAddresses() {
        assertThat(student.get("/student/log/" + moment + "/edit").statusCode()).isEqualTo(200);
        assertThat(shown(student, student.post("/student/log/" + deletedMoment + "/restore", Map.of()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(shown(
                                student,
                                student.post(
                                        "/student/log/" + moment + "/evidence/" + deletedEvidence + "/restore",
                                        Map.of()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(student.get("/student/log/" + moment + "/evidence/" + deletedEvidence)
                        .body())
                .isEqualTo("deleted notes");
    }
}
