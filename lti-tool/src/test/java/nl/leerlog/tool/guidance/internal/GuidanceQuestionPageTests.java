package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.ENROLMENT;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
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

/** A student asks their internship teacher with at most three items; only that teacher reads it, over real launches. */
class GuidanceQuestionPageTests extends LaunchedCourseTests {

    @Autowired
    InternshipTeachers links;

    CourseUsers users;
    LaunchedUser classmate;
    LaunchedUser secondTeacher;
    long course;

    @BeforeEach
    void aStudentLinkedToTheirInternshipTeacher() {
        users = launchCourse();
        classmate = classmateOf(users.student());
        secondTeacher = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en");
        course = courseIdOf(users.student());
        links.link(course, List.of(userIdOf(users.student())), userIdOf(users.teacher()), Instant.now());
    }

    @Test
    void theTeacherReadsTheItemsAsTheStudentSentThemNotAsTheyWereEditedLater() {
        long first = moment(users.student(), "Intake with the client");
        long second = moment(users.student(), "First shift alone");
        long third = moment(users.student(), "Feedback from my supervisor");

        HttpResponse<String> sent = ask(users.student(), "How do I plan my week?", first, second, third);

        assertThat(sent.statusCode()).isEqualTo(302);
        String thread = threadOf(sent);
        assertThat(users.student().get(redirectOf(sent)).body())
                .contains("Your question was sent to your internship teacher.", "Waiting for the teacher");
        db.update(LEARNING_MOMENT)
                .set(LEARNING_MOMENT.TITLE, "Edited after sending")
                .where(LEARNING_MOMENT.ID.eq(first))
                .execute();

        assertThat(users.teacher().get("/teacher/guidance").body()).contains("How do I plan my week?");
        String teacherThread = thread.replace("/student/", "/teacher/");
        assertThat(users.teacher().get(teacherThread).body())
                .contains("Intake with the client", "First shift alone", "Feedback from my supervisor", "Video call")
                .doesNotContain("Edited after sending");
    }

    @Test
    void aFourthItemADraftAndAnotherStudentsItemAreRefusedAndNothingIsSent() {
        long[] four = {
            moment(users.student(), "One"),
            moment(users.student(), "Two"),
            moment(users.student(), "Three"),
            moment(users.student(), "Four")
        };
        long draft = moment(users.student(), "Half written");
        db.update(LEARNING_MOMENT)
                .set(LEARNING_MOMENT.DRAFT, true)
                .where(LEARNING_MOMENT.ID.eq(draft))
                .execute();
        long classmates = moment(classmate, "Not yours");

        HttpResponse<String> tooMany = ask(users.student(), "Four items", four);
        HttpResponse<String> ofDraft = ask(users.student(), "A draft", draft);
        HttpResponse<String> ofClassmate = ask(users.student(), "Someone else's", classmates);

        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(tooMany.body()).contains("Choose at most 3 items.", "value=\"Four items\"");
        assertThat(ofDraft.statusCode()).isEqualTo(422);
        assertThat(ofDraft.body()).contains("is still a draft. Nothing was sent.");
        assertThat(ofClassmate.statusCode()).isEqualTo(422);
        assertThat(ofDraft.body()).doesNotContain("Half written\n");
        assertThat(db.fetchCount(GUIDANCE_QUESTION, GUIDANCE_QUESTION.COURSE_ID.eq(course)))
                .isZero();
    }

    @Test
    void aQuestionNeedsATitleATextAndAKnownFormOfAnswer() {
        HttpResponse<String> empty = send(users.student(), List.of("title= ", "question=", "answerForm=WRITTEN"));
        HttpResponse<String> unknownForm =
                send(users.student(), List.of("title=Help", "question=Please", "answerForm=CARRIER_PIGEON"));

        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Not sent: please correct what is marked below.", "Please fill this in.");
        assertThat(unknownForm.statusCode()).isEqualTo(422);
        assertThat(unknownForm.body()).contains("This is not a value this field can hold.");
        assertThat(db.fetchCount(GUIDANCE_QUESTION, GUIDANCE_QUESTION.COURSE_ID.eq(course)))
                .isZero();
    }

    @Test
    void aStudentWithoutInternshipTeacherIsToldWhomToAskAndSendsNothing() {
        assertThat(classmate.get("/student/guidance/new").body()).contains("You have no internship teacher");

        HttpResponse<String> refused = ask(classmate, "Anyone there?");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(db.fetchCount(GUIDANCE_QUESTION, GUIDANCE_QUESTION.COURSE_ID.eq(course)))
                .isZero();
    }

    @Test
    void onlyTheLinkedTeacherReadsTheThreadAndUnlinkingEndsItAtOnce() {
        String thread = threadOf(ask(users.student(), "Private question", moment(users.student(), "Private moment")));
        String teacherThread = thread.replace("/student/", "/teacher/");

        for (LaunchedUser stranger : List.of(secondTeacher, users.otherTeacher())) {
            assertThat(stranger.get(teacherThread).statusCode()).isEqualTo(404);
            assertThat(stranger.get("/teacher/guidance").body()).doesNotContain("Private question");
            assertThat(reply(stranger, teacherThread, "Let me in").statusCode()).isEqualTo(404);
        }
        for (LaunchedUser stranger : List.of(classmate, users.otherStudent())) {
            assertThat(stranger.get(thread).statusCode()).isEqualTo(404);
            assertThat(stranger.get("/student/guidance").body()).doesNotContain("Private question");
        }
        assertThat(users.teacher().get(thread).statusCode()).isEqualTo(404);
        assertThat(users.teacher().get(teacherThread).body()).contains("Private moment");

        links.unlink(course, List.of(userIdOf(users.student())));

        assertThat(users.teacher().get(teacherThread).statusCode()).isEqualTo(404);
        assertThat(users.teacher().get("/teacher/guidance").body()).doesNotContain("Private question");
        assertThat(reply(users.teacher(), teacherThread, "Still here?").statusCode())
                .isEqualTo(404);
        assertThat(users.student().get(thread).body()).contains("Private question", "Private moment");
    }

    @Test
    void aStudentWhoLeftTheCourseIsNoLongerReadByTheirTeacherAndIsAgainWhenBack() {
        String thread = threadOf(ask(users.student(), "Before I left", moment(users.student(), "Last week")));
        String teacherThread = thread.replace("/student/", "/teacher/");
        assertThat(users.teacher().get(teacherThread).statusCode()).isEqualTo(200);

        // What the roster sync writes for a student no longer in the course.
        enrolment(users.student(), false);

        assertThat(users.teacher().get(teacherThread).statusCode()).isEqualTo(404);
        assertThat(users.teacher().get("/teacher/guidance").body()).doesNotContain("Before I left");
        assertThat(reply(users.teacher(), teacherThread, "Are you still there?").statusCode())
                .isEqualTo(404);

        enrolment(users.student(), true);

        assertThat(users.teacher().get(teacherThread).body()).contains("Before I left", "Last week");
    }

    @Test
    void theTeacherRepliesTheStudentWithdrawsAnItemAndClosesTheQuestion() {
        String thread = threadOf(ask(
                users.student(),
                "Feedback please",
                moment(users.student(), "Team meeting"),
                moment(users.student(), "Difficult conversation")));
        String teacherThread = thread.replace("/student/", "/teacher/");

        assertThat(reply(users.teacher(), teacherThread, "Good question, let us talk on Tuesday.")
                        .statusCode())
                .isEqualTo(302);
        assertThat(reply(users.teacher(), teacherThread, " ").statusCode()).isEqualTo(422);
        String studentView = users.student().get(thread).body();
        assertThat(studentView).contains("Good question, let us talk on Tuesday.", "Answered");

        long item = Long.parseLong(studentView.replaceAll("(?s).*?/items/(\\d+)/withdraw.*", "$1"));
        assertThat(users.student()
                        .post(thread + "/items/" + item + "/withdraw", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(users.teacher().get(teacherThread).body())
                .contains("The student withdrew an item.", "Difficult conversation")
                .doesNotContain("Team meeting");
        assertThat(classmate
                        .post(thread + "/items/" + item + "/withdraw", Map.of())
                        .statusCode())
                .isEqualTo(404);

        assertThat(users.student().post(thread + "/close", Map.of()).statusCode())
                .isEqualTo(302);
        HttpResponse<String> late = reply(users.teacher(), teacherThread, "One more thing");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body())
                .contains("the student closed this question meanwhile", "One more thing")
                .doesNotContain("Send reply");
        assertThat(users.student().get(thread).body())
                .contains("Closed", "nothing more can be written in it")
                .doesNotContain("Send reply", "One more thing");
    }

    @Test
    void theStudentMarksTheQuestionAnsweredAndLaterWithdrawsItWithAllItsItems() {
        String thread = threadOf(ask(
                users.student(),
                "Is my plan realistic?",
                moment(users.student(), "Planning session"),
                moment(users.student(), "Talk with my mentor")));
        String teacherThread = thread.replace("/student/", "/teacher/");

        assertThat(users.student().post(thread + "/answered", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(users.student().get(thread).body()).contains("Answered", "Send reply");
        assertThat(classmate.post(thread + "/withdraw", Map.of()).statusCode()).isEqualTo(404);

        assertThat(users.student().post(thread + "/withdraw", Map.of()).statusCode())
                .isEqualTo(302);

        String teacherView = users.teacher().get(teacherThread).body();
        assertThat(teacherView)
                .contains(
                        "Withdrawn by the student", "The student withdrew this question and everything shared with it.")
                .doesNotContain("Planning session", "Talk with my mentor", "Send reply");
        HttpResponse<String> late = reply(users.teacher(), teacherThread, "Sorry for the delay");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("the student withdrew this question meanwhile", "Sorry for the delay");
        HttpResponse<String> own = reply(users.student(), thread, "Never mind");
        assertThat(own.statusCode()).isEqualTo(409);
        assertThat(own.body()).contains("this question is already over", "Never mind");
        assertThat(users.student().post(thread + "/withdraw", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(users.student().get(thread).body())
                .contains("Is my plan realistic?", "Could you help me with this?")
                .doesNotContain("Planning session");
    }

    @Test
    void anOpenThreadHearsOfANewReplyAndLosesItsMessagesWhenTheTeacherIsUnlinked() {
        String thread = threadOf(ask(users.student(), "Waiting for news", moment(users.student(), "Shift report")));
        String teacherThread = thread.replace("/student/", "/teacher/");
        String seen = sinceOf(users.student().get(thread).body());
        HttpResponse<String> unknownNotice = users.student().get(thread + "?done=hacked");
        assertThat(unknownNotice.statusCode()).isEqualTo(200);
        assertThat(unknownNotice.body()).doesNotContain("??", "role=\"status\"");

        assertThat(users.student().get(thread + "/messages?since=" + seen).statusCode())
                .isEqualTo(204);
        reply(users.teacher(), teacherThread, "I read it, more on Monday.");
        HttpResponse<String> news = users.student().get(thread + "/messages?since=" + seen);
        assertThat(news.statusCode()).isEqualTo(200);
        assertThat(news.body()).contains("I read it, more on Monday.", "id=\"thread-messages\"");
        assertThat(sinceOf(news.body())).isNotEqualTo(seen);
        assertThat(classmate.get(thread + "/messages?since=0").body())
                .contains("no longer available")
                .doesNotContain("I read it");

        String teacherSeen = sinceOf(users.teacher().get(teacherThread).body());
        links.unlink(course, List.of(userIdOf(users.student())));

        HttpResponse<String> gone = users.teacher().get(teacherThread + "/messages?since=" + teacherSeen);
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(gone.body()).contains("no longer available").doesNotContain("I read it", "Waiting for news");
    }

    private void enrolment(LaunchedUser student, boolean active) {
        db.update(ENROLMENT)
                .set(ENROLMENT.ACTIVE, active)
                .where(ENROLMENT.COURSE_ID.eq(course))
                .and(ENROLMENT.USER_ID.eq(userIdOf(student)))
                .execute();
    }

    /** The "seen up to" an open thread polls with. */
    private static String sinceOf(String page) {
        return page.replaceAll("(?s).*?/messages\\?since=(\\d+).*", "$1");
    }

    /** The thread a sent question leads to, without the notice's query. */
    private static String threadOf(HttpResponse<String> sent) {
        return URI.create(redirectOf(sent)).getPath();
    }

    private long moment(LaunchedUser student, String title) {
        return rows().moment(ownerOf(student), title);
    }

    private HttpResponse<String> ask(LaunchedUser student, String title, long... moments) {
        List<String> fields = new ArrayList<>();
        for (long moment : moments) {
            fields.add("items=moment:" + moment);
        }
        fields.add("title=" + title);
        fields.add("question=Could you help me with this?");
        fields.add("answerForm=VIDEO_CALL");
        return send(student, fields);
    }

    private static HttpResponse<String> send(LaunchedUser student, List<String> fields) {
        return student.post("/student/guidance/new", fields);
    }

    private static HttpResponse<String> reply(LaunchedUser user, String thread, String body) {
        return user.post(thread + "/reply", Map.of("body", body));
    }
}
