package nl.leerlog.tool.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The student's sharing page lists everything shared right now and revokes each share in one click: the teacher's
 * view loses it at once and the thread says the student withdrew it. Nobody else sees or revokes a student's shares.
 */
class SharingPageTests extends LaunchedCourseTests {

    private static final Pattern SHARE = Pattern.compile("data-share=\"guidance:(\\d+-\\d+)\"");

    @Autowired
    InternshipTeachers links;

    CourseUsers users;
    SharedThreads threads;
    String thread;

    @BeforeEach
    void aStudentWhoSharesTwoMomentsWithTheirTeacher() {
        users = launchCourse();
        threads = new SharedThreads(rows(), links);
        threads.link(courseIdOf(users.student()), userIdOf(users.student()), userIdOf(users.teacher()));
        thread = threads.ask(
                users.student(), ownerOf(users.student()), "Calming a class", "Reading corner", "Circle time");
    }

    @Test
    void thePageListsEachItemSharedWithWhomWhereAndSinceWhen() {
        HttpResponse<String> page = users.student().get("/student/privacy/sharing");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Reading corner", "Circle time", "Calming a class", "href=\"" + thread + "\"")
                .contains("Sanne de Vries", "Until you revoke it");
        assertThat(refs(page.body())).hasSize(2);
    }

    @Test
    void revokingAShareTakesItFromTheTeacherAtOnceAndTheThreadSaysTheStudentWithdrewIt() {
        String teacherThread = thread.replace("/student/", "/teacher/");
        assertThat(users.teacher().get(teacherThread).body()).contains("Reading corner", "Circle time");
        String readingCorner =
                refOf(users.student().get("/student/privacy/sharing").body(), "Reading corner");

        HttpResponse<String> revoked = users.student()
                .post("/student/privacy/sharing/revoke", Map.of("kind", "guidance", "ref", readingCorner));

        assertThat(redirectOf(revoked)).isEqualTo("/student/privacy/sharing?done=revoked");
        String after =
                users.student().get("/student/privacy/sharing?done=revoked").body();
        assertThat(after).contains("Revoked: nobody sees it through that share any more.", "Circle time");
        assertThat(refs(after)).doesNotContain(readingCorner).hasSize(1);
        String teacherView = users.teacher().get(teacherThread).body();
        assertThat(teacherView)
                .doesNotContain("Reading corner")
                .contains("Circle time", "The student withdrew an item.");
    }

    @Test
    void aClassmateCannotRevokeTheStudentsShareAndAShareRevokedTwiceIsNotFound() {
        String ref =
                refs(users.student().get("/student/privacy/sharing").body()).get(0);
        LaunchedUser classmate = classmateOf(users.student());

        assertThat(classmate
                        .post("/student/privacy/sharing/revoke", Map.of("kind", "guidance", "ref", ref))
                        .statusCode())
                .isEqualTo(404);
        assertThat(refs(users.student().get("/student/privacy/sharing").body())).contains(ref);
        assertThat(refs(classmate.get("/student/privacy/sharing").body())).isEmpty();
        assertThat(classmate.get("/student/privacy/sharing").body()).contains("You share nothing right now");

        users.student().post("/student/privacy/sharing/revoke", Map.of("kind", "guidance", "ref", ref));
        assertThat(users.student()
                        .post("/student/privacy/sharing/revoke", Map.of("kind", "guidance", "ref", ref))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void badOrForeignRevocationsAreNotFoundAndTeachersHaveNoSharingPage() {
        for (Map<String, String> form : List.of(
                Map.of("kind", "guidance", "ref", "not-a-ref"),
                Map.of("kind", "unknown", "ref", "1-1"),
                Map.of("ref", "1-1"),
                Map.of("kind", "guidance", "ref", "99999999999999999999-1"))) {
            assertThat(users.student()
                            .post("/student/privacy/sharing/revoke", form)
                            .statusCode())
                    .as(form.toString())
                    .isEqualTo(404);
        }
        for (LaunchedUser teacher : List.of(users.teacher(), users.otherTeacher())) {
            assertThat(teacher.get("/student/privacy/sharing").statusCode()).isEqualTo(404);
        }
    }

    private static List<String> refs(String page) {
        return SHARE.matcher(page).results().map(result -> result.group(1)).toList();
    }

    /** The ref of the row whose item has this title. */
    private static String refOf(String page, String title) {
        Matcher row = Pattern.compile("data-share=\"guidance:(\\d+-\\d+)\">\\s*<th[^>]*>" + Pattern.quote(title) + "<")
                .matcher(page);
        assertThat(row.find()).as("a row for " + title).isTrue();
        return row.group(1);
    }
}
