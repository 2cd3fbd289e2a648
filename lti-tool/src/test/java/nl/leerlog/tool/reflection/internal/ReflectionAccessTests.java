package nl.leerlog.tool.reflection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.Owner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A student's reflections are theirs alone: a teacher of the same course, a teacher of another course and a student
 * of another course get "not found" on every address that names one of them, and change nothing.
 */
class ReflectionAccessTests extends LaunchedCourseTests {

    @Autowired
    Reflections reflections;

    CourseUsers users;
    Owner owner;
    long moment;
    long reflection;
    long deleted;

    @BeforeEach
    void studentWithAReflectionOnAMoment() {
        users = launchCourse();
        owner = ownerOf(users.student());
        moment = rows().moment(owner, "Secret moment");
        long feedback = rows().builtInModel("feedback");
        reflection = reflections.create(
                owner,
                feedback,
                moment,
                new ReflectionContent(
                        "Secret reflection",
                        false,
                        Map.of("feedback", "Private feedback", "feed-forward", "Private plan")),
                Instant.now());
        deleted = reflections.create(
                owner,
                feedback,
                null,
                new ReflectionContent("Deleted secret", false, Map.of("feedback", "f")),
                Instant.now());
        reflections.delete(owner, deleted, Instant.now());
    }

    @Test
    void strangersCannotViewOrEditAReflection() {
        everyStrangerGetsNotFound(stranger -> stranger.get("/student/reflections/" + reflection));
        everyStrangerGetsNotFound(stranger -> stranger.get("/student/reflections/" + reflection + "/edit"));
    }

    @Test
    void strangersCannotUpdateAReflection() {
        everyStrangerGetsNotFound(stranger -> stranger.post(
                "/student/reflections/" + reflection,
                Map.of("title", "Hijacked", "answer-feedback", "x", "answer-feed-forward", "y", "action", "save")));
        everyStrangerGetsNotFound(
                stranger -> stranger.post("/student/reflections/" + reflection, Map.of("title", "", "action", "save")));

        Reflection unchanged = reflections.find(owner, reflection).orElseThrow();
        assertThat(unchanged.title()).isEqualTo("Secret reflection");
        assertThat(unchanged.answer("feedback")).isEqualTo("Private feedback");
    }

    @Test
    void strangersCannotDeleteOrRestoreAReflection() {
        everyStrangerGetsNotFound(
                stranger -> stranger.post("/student/reflections/" + reflection + "/delete", Map.of()));
        everyStrangerGetsNotFound(stranger -> stranger.post("/student/reflections/" + deleted + "/restore", Map.of()));

        assertThat(reflections.find(owner, reflection)).isPresent();
        assertThat(reflections.find(owner, deleted)).isEmpty();
        assertThat(reflections.deletedTitle(owner, deleted)).contains("Deleted secret");
    }

    @Test
    void strangersCannotReflectOnTheStudentsMoment() {
        everyStrangerGetsNotFound(stranger -> stranger.get("/student/reflections/new?moment=" + moment));
        everyStrangerGetsNotFound(stranger -> stranger.post(
                "/student/reflections",
                Map.of(
                        "modelId",
                        Long.toString(rows().builtInModel("feedback")),
                        "momentId",
                        Long.toString(moment),
                        "title",
                        "On someone else's moment",
                        "action",
                        "draft")));

        assertThat(reflections.list(owner))
                .singleElement()
                .extracting(ReflectionSummary::id)
                .isEqualTo(reflection);
        Owner otherStudent = ownerOf(users.otherStudent());
        assertThat(reflections.list(otherStudent)).isEmpty();
    }

    @Test
    void theStudentsReflectionsAppearNowhereElse() {
        for (LaunchedUser stranger : users.strangers()) {
            for (String path : new String[] {
                "/student/reflections",
                "/student/reflections/new",
                "/student/saved",
                "/home",
                "/teacher/dashboard",
                "/teacher/students",
                "/student/reflections?deleted=" + deleted
            }) {
                HttpResponse<String> page = stranger.get(path);
                assertThat(page.body())
                        .as(path)
                        .doesNotContain("Secret reflection", "Private feedback", "Secret moment", "Deleted secret");
            }
        }
        // The owner does see them: the strings above would show up if a page leaked them.
        assertThat(users.student().get("/student/reflections").body()).contains("Secret reflection", "Secret moment");
    }

    @Test
    void teachersHaveNoReflectionPagesAtAll() {
        for (LaunchedUser teacher : new LaunchedUser[] {users.teacher(), users.otherTeacher()}) {
            assertThat(teacher.get("/student/reflections").statusCode()).isEqualTo(404);
            assertThat(teacher.get("/student/reflections/new").statusCode()).isEqualTo(404);
        }
    }

    private void everyStrangerGetsNotFound(Function<LaunchedUser, HttpResponse<String>> request) {
        for (LaunchedUser stranger : users.strangers()) {
            HttpResponse<String> response = request.apply(stranger);
            assertThat(response.statusCode()).as(stranger.subject()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Secret reflection", "Private feedback", "Secret moment");
        }
    }
}
