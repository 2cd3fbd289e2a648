package nl.leerlog.tool.replyhelp.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.REPLY_TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.replyhelp.ReplyHelp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A teacher's own and course-wide reply templates: written, shared, copied, counted and kept to their course. */
class ReplyTemplatesPageTests extends LaunchedCourseTests {

    @Autowired
    ReplyHelp help;

    CourseUsers users;
    LaunchedUser colleague;

    @BeforeEach
    void twoTeachersOfOneCourse() {
        users = launchCourse();
        colleague = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en");
        db.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, "Mark Jansen")
                .where(APP_USER.ID.eq(userIdOf(colleague)))
                .execute();
    }

    @Test
    void aTeacherWithoutTemplatesSeesTheBuiltInOnesAndAnEmptyState() {
        String page = users.teacher().get("/teacher/templates").body();

        assertThat(page)
                .contains("You have no templates of your own yet.")
                .contains("No colleague shares a template with the course yet.")
                .contains(
                        "Acknowledge and answer",
                        "Propose a conversation",
                        "Ask for more detail",
                        "Encourage after a silence",
                        "Close a thread");
    }

    @Test
    void aTeacherWritesChangesAndDeletesTheirOwnTemplate() {
        HttpResponse<String> created = create(users.teacher(), "Quick thanks", "Thanks {first name}!", false);
        assertThat(users.teacher().get(redirectOf(created)).body())
                .contains("Template added.", "Quick thanks", "Thanks {first name}!");
        long id = idOf("Quick thanks");

        HttpResponse<String> saved = users.teacher()
                .post(
                        "/teacher/templates/" + id,
                        Map.of("title", "Warm thanks", "body", "Dank je {voornaam}!", "language", "nl"));
        assertThat(users.teacher().get(redirectOf(saved)).body())
                .contains("Template saved.", "Warm thanks", "Dank je {voornaam}!")
                .doesNotContain("Quick thanks");

        HttpResponse<String> deleted = users.teacher().post("/teacher/templates/" + id + "/delete", Map.of());
        assertThat(users.teacher().get(redirectOf(deleted)).body())
                .contains("Template deleted.", "You have no templates of your own yet.");
    }

    @Test
    void aCourseWideTemplateShowsItsAuthorAndHowOftenColleaguesUsedIt() {
        create(colleague, "Shared opener", "Hi {first name}, good question.", true);
        create(colleague, "Private notes", "Only mine", false);
        long shared = idOf("Shared opener");
        long course = courseIdOf(users.teacher());

        help.recordUse(course, userIdOf(users.teacher()), Long.toString(shared), Instant.now());
        help.recordUse(course, userIdOf(users.teacher()), Long.toString(shared), Instant.now());
        help.recordUse(course, userIdOf(colleague), Long.toString(shared), Instant.now());

        String page = users.teacher().get("/teacher/templates").body();
        assertThat(page)
                .contains("Shared opener", "By Mark Jansen", "Used 2 times by colleagues")
                .doesNotContain("Private notes", "Only mine");
        assertThat(colleague.get("/teacher/templates").body()).contains("Used 2 times by colleagues");
    }

    @Test
    void aTeacherCopiesAColleaguesTemplateAndABuiltInIntoTheirOwn() {
        create(colleague, "Shared opener", "Hi {first name}, good question.", true);
        long shared = idOf("Shared opener");

        HttpResponse<String> copied = users.teacher().post("/teacher/templates/" + shared + "/copy", Map.of());
        assertThat(users.teacher().get(redirectOf(copied)).body()).contains("Template copied into your templates.");
        HttpResponse<String> builtIn = users.teacher().post("/teacher/templates/builtin-close-en/copy", Map.of());
        assertThat(builtIn.statusCode()).isEqualTo(302);

        assertThat(db.select(REPLY_TEMPLATE.TITLE, REPLY_TEMPLATE.SHARED)
                        .from(REPLY_TEMPLATE)
                        .where(REPLY_TEMPLATE.OWNER_ID.eq(userIdOf(users.teacher())))
                        .orderBy(REPLY_TEMPLATE.ID)
                        .fetch(r -> r.value1() + ":" + r.value2()))
                .containsExactly("Shared opener:false", "Close a thread:false");
        // The copy is the teacher's own: changing it leaves the colleague's template as it was.
        long copy = db.select(REPLY_TEMPLATE.ID)
                .from(REPLY_TEMPLATE)
                .where(REPLY_TEMPLATE.OWNER_ID.eq(userIdOf(users.teacher())))
                .orderBy(REPLY_TEMPLATE.ID)
                .limit(1)
                .fetchSingle(REPLY_TEMPLATE.ID);
        users.teacher()
                .post("/teacher/templates/" + copy, Map.of("title", "Mine now", "body", "Changed", "language", "en"));
        assertThat(colleague.get("/teacher/templates").body()).contains("Hi {first name}, good question.");
    }

    @Test
    void tooLongOrMissingTextComesBackWithTheFormAndNothingIsSaved() {
        HttpResponse<String> longTitle = create(users.teacher(), "t".repeat(101), "Body", false);
        HttpResponse<String> longBody = create(users.teacher(), "Title", "b".repeat(5001), false);
        HttpResponse<String> noBody = create(users.teacher(), "Title", " ", false);
        HttpResponse<String> badLanguage =
                users.teacher().post("/teacher/templates", Map.of("title", "Title", "body", "Body", "language", "fr"));

        for (HttpResponse<String> refused : List.of(longTitle, longBody, noBody, badLanguage)) {
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("Not saved: please correct what is marked below.", "<form");
        }
        assertThat(badLanguage.body()).contains("Choose Dutch or English.");
        assertThat(db.fetchCount(REPLY_TEMPLATE, REPLY_TEMPLATE.OWNER_ID.eq(userIdOf(users.teacher()))))
                .isZero();

        create(users.teacher(), "Exactly", "b".repeat(5000), false);
        long id = idOf("Exactly");
        HttpResponse<String> badEdit = users.teacher()
                .post("/teacher/templates/" + id, Map.of("title", "", "body", "Kept?", "language", "en"));
        assertThat(badEdit.statusCode()).isEqualTo(422);
        assertThat(badEdit.body()).contains("Kept?");
        assertThat(db.select(REPLY_TEMPLATE.TITLE)
                        .from(REPLY_TEMPLATE)
                        .where(REPLY_TEMPLATE.ID.eq(id))
                        .fetchSingle(REPLY_TEMPLATE.TITLE))
                .isEqualTo("Exactly");
    }

    @Test
    void anotherCoursesOrAColleaguesPrivateTemplateIsNotFound() {
        create(users.otherTeacher(), "Elsewhere", "Other course", true);
        long elsewhere = idOf("Elsewhere");
        create(colleague, "Private", "Only mine", false);
        long privateOne = idOf("Private");
        create(colleague, "Shared", "Ours", true);
        long sharedOne = idOf("Shared");

        for (long id : List.of(elsewhere, privateOne)) {
            assertThat(users.teacher()
                            .post("/teacher/templates/" + id + "/copy", Map.of())
                            .statusCode())
                    .isEqualTo(404);
        }
        // A colleague's template, shared or not, is not the teacher's to change or delete.
        for (long id : List.of(elsewhere, privateOne, sharedOne)) {
            assertThat(users.teacher()
                            .post("/teacher/templates/" + id, Map.of("title", "X", "body", "Y", "language", "en"))
                            .statusCode())
                    .isEqualTo(404);
            assertThat(users.teacher()
                            .post("/teacher/templates/" + id + "/delete", Map.of())
                            .statusCode())
                    .isEqualTo(404);
        }
        assertThat(users.teacher()
                        .post("/teacher/templates/builtin-nothing-en/copy", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(users.teacher().get("/teacher/templates").body()).doesNotContain("Elsewhere", "Only mine");
        // Students are refused the teacher pages before any handler runs.
        assertThat(users.student().get("/teacher/templates").statusCode()).isIn(403, 404);
        assertThat(db.select(REPLY_TEMPLATE.TITLE)
                        .from(REPLY_TEMPLATE)
                        .where(REPLY_TEMPLATE.ID.eq(sharedOne))
                        .fetchSingle(REPLY_TEMPLATE.TITLE))
                .isEqualTo("Shared");
    }

    private static HttpResponse<String> create(LaunchedUser teacher, String title, String body, boolean shared) {
        List<String> fields = new java.util.ArrayList<>(List.of("title=" + title, "body=" + body, "language=en"));
        if (shared) {
            fields.add("shared=true");
        }
        return teacher.post("/teacher/templates", fields);
    }

    private long idOf(String title) {
        return db.select(REPLY_TEMPLATE.ID)
                .from(REPLY_TEMPLATE)
                .where(REPLY_TEMPLATE.TITLE.eq(title))
                .orderBy(REPLY_TEMPLATE.ID.desc())
                .limit(1)
                .fetchSingle(REPLY_TEMPLATE.ID);
    }
}
