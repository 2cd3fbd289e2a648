package nl.leerlog.tool.programme.internal;

import static nl.leerlog.schema.Tables.LEARNING_GOAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import nl.leerlog.schema.tables.records.LearningGoalRecord;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A student's own learning goals over HTTP: the student adds, edits and archives them next to the programme's;
 * a teacher of the course, a teacher of another course and a student of another course find none of them.
 */
class OwnGoalsTests extends LaunchedCourseTests {

    CourseUsers users;
    LaunchedUser student;

    @BeforeEach
    void launch() {
        users = launchCourse();
        student = users.student();
    }

    @Test
    void theStudentSeesTheProgrammesGoalsAndAddsEditsAndArchivesOwnOnes() {
        users.teacher().post("/teacher/programme/goals", Map.of("kind", "GOAL", "title", "Plan a lesson"));

        assertThat(student.post("/student/goals", Map.of("kind", "QUESTION", "title", "How do I calm a class?"))
                        .statusCode())
                .isEqualTo(302);
        long id = ownGoalId();
        assertThat(student.post(
                                "/student/goals/" + id,
                                Map.of("kind", "GOAL", "title", "I calm a class", "description", "Within five minutes"))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> page = student.get("/student/goals");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Plan a lesson",
                        "I calm a class",
                        "Within five minutes",
                        "action=\"/student/goals/" + id + "\"",
                        "action=\"/student/goals/" + id + "/archive\"",
                        "action=\"/student/goals\"");
        assertThat(student.post("/student/goals/" + id + "/archive", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(goal(id).getArchived()).isTrue();
        assertThat(student.post("/student/goals/" + id + "/archive", Map.of("archived", "false"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(goal(id).getArchived()).isFalse();
    }

    @Test
    void aGoalWithoutTitleIsRefusedWithAMessageAndTheInputKept() {
        HttpResponse<String> refused = student.post(
                "/student/goals",
                Map.of("kind", "QUESTION", "title", " ", "description", "Iets over klassenmanagement"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains(
                        "Please fill this in.",
                        "aria-describedby=\"goal-new-title-error\"",
                        "Iets over klassenmanagement",
                        "<option value=\"QUESTION\" selected=\"selected\"");
    }

    @Test
    void anEditWithATooLongTitleIsRefusedAndTheGoalKeepsItsTitle() {
        student.post("/student/goals", Map.of("kind", "GOAL", "title", "Plan a lesson"));
        long id = ownGoalId();

        HttpResponse<String> refused =
                student.post("/student/goals/" + id, Map.of("kind", "GOAL", "title", "x".repeat(501)));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("This is too long.", "id=\"goal-" + id + "-title-error\"");
        assertThat(goal(id).getTitle()).isEqualTo("Plan a lesson");
    }

    @Test
    void nobodyButTheStudentFindsOrChangesTheirOwnGoals() {
        student.post("/student/goals", Map.of("kind", "GOAL", "title", "My private goal"));
        long id = ownGoalId();

        for (LaunchedUser stranger : users.strangers()) {
            assertThat(stranger.post("/student/goals/" + id, Map.of("kind", "GOAL", "title", "Changed"))
                            .statusCode())
                    .isEqualTo(404);
            assertThat(stranger.post("/student/goals/" + id + "/archive", Map.of())
                            .statusCode())
                    .isEqualTo(404);
            HttpResponse<String> ownPage = stranger.get("/student/goals");
            assertThat(ownPage.body()).doesNotContain("My private goal");
        }
        assertThat(users.teacher().get("/teacher/programme").body()).doesNotContain("My private goal");
        assertThat(goal(id).getTitle()).isEqualTo("My private goal");
        assertThat(goal(id).getArchived()).isFalse();
    }

    @Test
    void teachersHaveNoOwnGoalsPage() {
        assertThat(users.teacher().get("/student/goals").statusCode()).isEqualTo(404);
        assertThat(users.teacher()
                        .post("/student/goals", Map.of("kind", "GOAL", "title", "Not mine"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(db.fetchCount(LEARNING_GOAL, LEARNING_GOAL.TITLE.eq("Not mine")))
                .isZero();
    }

    private long ownGoalId() {
        long userId = userIdOf(student);
        return db.select(LEARNING_GOAL.ID)
                .from(LEARNING_GOAL)
                .where(LEARNING_GOAL.OWNER_ID.eq(userId))
                .fetchSingle(LEARNING_GOAL.ID);
    }

    private LearningGoalRecord goal(long id) {
        return db.fetchSingle(LEARNING_GOAL, LEARNING_GOAL.ID.eq(id));
    }
}
