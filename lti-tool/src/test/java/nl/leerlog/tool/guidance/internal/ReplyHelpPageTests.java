package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.REPLY_TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The help beside the teacher's reply box: the student's message read sentence by sentence, the note on a request
 * not yet answered, and templates filled in for the thread, with and without htmx.
 */
class ReplyHelpPageTests extends LaunchedCourseTests {

    @Autowired
    InternshipTeachers links;

    CourseUsers users;
    LaunchedUser colleague;
    String studentThread;
    String thread;

    @BeforeEach
    void aStudentAsksTheirTeacherSomething() {
        users = launchCourse();
        colleague = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en");
        name(users.student(), "Femke Bakker");
        links.link(
                courseIdOf(users.student()),
                List.of(userIdOf(users.student())),
                userIdOf(users.teacher()),
                Instant.now());
        HttpResponse<String> asked = users.student()
                .post(
                        "/student/guidance/new",
                        List.of(
                                "title=My learning goal",
                                "question=Hoi Mark, ik heb bijv. een nieuw leerdoel. Kun je naar mijn leerdoel kijken?"
                                        + " Ik voel me er nog onzeker over.",
                                "answerForm=WRITTEN"));
        studentThread = URI.create(redirectOf(asked)).getPath();
        thread = studentThread.replace("/student/", "/teacher/");
    }

    @Test
    void theTeacherReadsTheQuestionSentenceBySentenceWithSuggestedActsAndTheOpenRequest() {
        String page = users.teacher().get(thread).body();

        assertThat(page)
                .contains("Reading the question")
                .contains("Hoi Mark, ik heb bijv. een nieuw leerdoel.")
                .contains(html("Suggested because of \"kun je\""), "Asks you", "Feels")
                .contains("act-directive", "act-expressive")
                .contains("that you have not answered yet.")
                .contains("How to build your reply", "Quantity: enough, but not too much");

        users.teacher().post(thread + "/reply", Map.of("body", "Ik kijk er morgen naar."));
        assertThat(users.teacher().get(thread).body()).doesNotContain("that you have not answered yet.");

        users.student().post(studentThread + "/reply", Map.of("body", "Dank je wel! Ik pas het aan."));
        String again = users.teacher().get(thread).body();
        assertThat(again)
                .contains("Reading the latest message of the student", "Dank je wel!", "Promises")
                .doesNotContain("that you have not answered yet.");
        // The student sees none of it.
        assertThat(users.student().get(studentThread).body()).doesNotContain("Reading the", "Start from a template");
    }

    @Test
    void theTeacherChangesAMarkAndSeesWhatLeerlogSuggested() {
        HttpResponse<String> marked =
                users.teacher().post(thread + "/reading", Map.of("messageId", "0", "index", "0", "act", "ASSERTIVE"));
        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(users.teacher().get(thread).body()).contains("Your mark; Leerlog suggested: Feels");

        // Back to the suggestion: the mark is gone.
        users.teacher().post(thread + "/reading", Map.of("messageId", "0", "index", "0", "act", "EXPRESSIVE"));
        assertThat(users.teacher().get(thread).body()).doesNotContain("Your mark;");

        for (Map<String, String> bad : List.of(
                Map.of("messageId", "0", "index", "9", "act", "ASSERTIVE"),
                Map.of("messageId", "0", "index", "0", "act", "SHOUTS"),
                Map.of("messageId", "12345", "index", "0", "act", "ASSERTIVE"))) {
            assertThat(users.teacher().post(thread + "/reading", bad).statusCode())
                    .as(bad.toString())
                    .isEqualTo(400);
        }
        // A teacher who is not the student's internship teacher cannot read or mark the question.
        assertThat(colleague
                        .post(thread + "/reading", Map.of("messageId", "0", "index", "0", "act", "ASSERTIVE"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPickedTemplateFillsTheReplyBoxWithThePlaceholdersOfTheThread() {
        String page =
                users.teacher().get(thread + "?template=builtin-answer-en").body();

        // The teacher name is the one their launch gave: the test platform names every launch Sanne de Vries.
        assertThat(page)
                .contains(
                        "Hi Femke,",
                        html("Thank you for your question \"My learning goal\"."),
                        "Best wishes,\nSanne de Vries")
                .contains("name=\"template\" value=\"builtin-answer-en\"");

        String fragment = users.teacher()
                .get(thread + "/reply-box?template=builtin-conversation-nl")
                .body();
        assertThat(fragment)
                .doesNotContain("<html", "Reading the question")
                .contains("id=\"reply-box\"", "Hoi Femke,", "ons volgende gesprek", "Groet,\nSanne de Vries");
    }

    @Test
    void aReplyFromAColleaguesTemplateCountsAsAColleaguesUse() {
        HttpResponse<String> shared = colleague.post(
                "/teacher/templates",
                List.of("title=Shared opener", "body=Hi {first name}, {shoe size}", "language=en", "shared=true"));
        assertThat(shared.statusCode()).isEqualTo(302);
        long id = db.select(REPLY_TEMPLATE.ID)
                .from(REPLY_TEMPLATE)
                .where(REPLY_TEMPLATE.OWNER_ID.eq(userIdOf(colleague)))
                .fetchSingle(REPLY_TEMPLATE.ID);

        String page = users.teacher().get(thread + "?template=" + id).body();
        assertThat(page).contains("Hi Femke, {shoe size}", "Shared opener (colleague)");

        HttpResponse<String> sent = users.teacher()
                .post(thread + "/reply", Map.of("body", "Hi Femke, well done.", "template", Long.toString(id)));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(users.student().get(studentThread).body()).contains("Hi Femke, well done.");
        assertThat(colleague.get("/teacher/templates").body()).contains("Used once by colleagues");
    }

    @Test
    void anotherCoursesTemplateIsNotFilledIn() {
        users.otherTeacher()
                .post(
                        "/teacher/templates",
                        List.of("title=Elsewhere", "body=Secret text", "language=en", "shared=true"));
        long elsewhere = db.select(REPLY_TEMPLATE.ID)
                .from(REPLY_TEMPLATE)
                .where(REPLY_TEMPLATE.OWNER_ID.eq(userIdOf(users.otherTeacher())))
                .fetchSingle(REPLY_TEMPLATE.ID);

        HttpResponse<String> page = users.teacher().get(thread + "?template=" + elsewhere);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("Secret text", "Elsewhere");
        assertThat(users.teacher().get(thread + "?template=nonsense").statusCode())
                .isEqualTo(200);
    }

    private void name(LaunchedUser person, String name) {
        db.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, name)
                .where(APP_USER.ID.eq(userIdOf(person)))
                .execute();
    }
}
