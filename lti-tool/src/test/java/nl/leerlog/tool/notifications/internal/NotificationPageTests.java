package nl.leerlog.tool.notifications.internal;

import static nl.leerlog.schema.Tables.MAIL_OUTBOX;
import static nl.leerlog.schema.Tables.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.notifications.internal.NotificationKind.Topic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notifications over real launches: a student's question reaches their internship teacher's list, its unread count
 * and the outbox, and no other teacher's; frequencies and unsubscribing are honoured at once.
 */
class NotificationPageTests extends LaunchedCourseTests {

    @Autowired
    InternshipTeachers links;

    @Autowired
    UnsubscribeTokens tokens;

    @Autowired
    ReminderSettings reminders;

    CourseUsers users;
    LaunchedUser secondTeacher;
    long course;
    long student;
    long teacher;

    @BeforeEach
    void aStudentLinkedToTheirInternshipTeacher() {
        users = launchCourse();
        secondTeacher = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en");
        course = courseIdOf(users.student());
        student = userIdOf(users.student());
        teacher = userIdOf(users.teacher());
        links.link(course, List.of(student), teacher, Instant.now());
    }

    @Test
    void theTeachersListShowsTheQuestionUnreadUntilOpenedAndTheMailIsQueued() {
        String thread = threadOf(ask("Planning my week"));

        String list = users.teacher().get("/teacher/notifications").body();
        assertThat(list)
                .contains("asked a question \u201cPlanning my week\u201d")
                .contains("unread-count");
        assertThat(mails(teacher, "question-sent")).isEqualTo(1);
        long id = db.select(NOTIFICATION.ID)
                .from(NOTIFICATION)
                .where(NOTIFICATION.RECIPIENT_ID.eq(teacher))
                .fetchSingle(NOTIFICATION.ID);

        HttpResponse<String> opened = users.teacher().get("/teacher/notifications/" + id);
        assertThat(redirectOf(opened)).isEqualTo(thread.replace("/student/", "/teacher/"));
        assertThat(users.teacher().get("/teacher/notifications").body()).doesNotContain("unread-count");
        assertThat(users.student().get("/student/notifications/" + id).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aTeacherNeverHearsOfAStudentWhoIsNotTheirIntern() {
        String thread = threadOf(ask("Only for my teacher"));
        links.unlink(course, List.of(student));
        assertThat(users.student()
                        .post(thread + "/reply", Map.of("body", "Are you there?"))
                        .statusCode())
                .isEqualTo(302);

        assertThat(mails(teacher, "student-replied")).isZero();
        assertThat(db.fetchCount(
                        NOTIFICATION,
                        NOTIFICATION.RECIPIENT_ID.in(userIdOf(secondTeacher), userIdOf(users.otherTeacher()))))
                .isZero();
        assertThat(secondTeacher.get("/teacher/notifications").body()).doesNotContain("Only for my teacher");
    }

    @Test
    void aTeacherWhoWantsNoMailStillSeesTheQuestionInTheirList() {
        assertThat(redirectOf(users.teacher().post("/teacher/notifications/settings", Map.of("messages", "NEVER"))))
                .isEqualTo("/teacher/notifications?done=saved");

        ask("Quietly");

        assertThat(mails(teacher, "question-sent")).isZero();
        assertThat(users.teacher().get("/teacher/notifications").body()).contains("\u201cQuietly\u201d");
    }

    @Test
    void aCoordinatorsDefaultHoldsForEveryoneWhoChoseNothing() {
        users.teacher().post("/teacher/notifications/defaults", Map.of("messages", "DAILY"));

        ask("Digest by default");

        assertThat(mails(teacher, "question-sent")).isZero();
        assertThat(db.fetchCount(
                        NOTIFICATION, NOTIFICATION.RECIPIENT_ID.eq(teacher), NOTIFICATION.DIGEST_PENDING.isTrue()))
                .isEqualTo(1);
        assertThat(users.student()
                        .post("/teacher/notifications/defaults", Map.of("messages", "NEVER"))
                        .statusCode())
                .isIn(403, 404);
    }

    @Test
    void aCoordinatorTurnsOnTheReminderToSilentStudentsAndAWrongNumberIsRefused() {
        assertThat(users.teacher().get("/teacher/notifications").body())
                .contains("Reminders to students who have been silent")
                .doesNotContain("name=\"on\" value=\"on\" checked");

        assertThat(redirectOf(
                        users.teacher().post("/teacher/notifications/reminders", Map.of("on", "on", "weeks", "3"))))
                .isEqualTo("/teacher/notifications?done=reminders");
        assertThat(reminders.of(course)).extracting(s -> s.on(), s -> s.weeks()).containsExactly(true, 3);
        assertThat(users.teacher().get("/teacher/notifications?done=reminders").body())
                .contains("The reminder to silent students is saved.")
                .contains("checked");

        HttpResponse<String> refused =
                users.teacher().post("/teacher/notifications/reminders", Map.of("on", "on", "weeks", "99"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Give a whole number of weeks between 1 and 26.")
                .contains("value=\"99\"");
        assertThat(reminders.of(course).weeks()).isEqualTo(3);

        assertThat(redirectOf(users.teacher().post("/teacher/notifications/reminders", Map.of("weeks", "3"))))
                .isEqualTo("/teacher/notifications?done=reminders");
        assertThat(reminders.of(course).on()).as("an unticked box turns it off").isFalse();
        assertThat(users.student()
                        .post("/teacher/notifications/reminders", Map.of("on", "on", "weeks", "1"))
                        .statusCode())
                .isIn(403, 404);
        assertThat(users.student().get("/student/notifications").body())
                .doesNotContain("Reminders to students who have been silent");
    }

    @Test
    void oneClickUnsubscribeNeedsNoLoginAndTheProfileTurnsItBackOn() throws Exception {
        String link = "/mail/unsubscribe?t=" + tokens.sign(teacher, course, Optional.of(Topic.MESSAGES));
        HttpClient anonymous = HttpClient.newHttpClient();

        HttpResponse<String> asked =
                anonymous.send(HttpRequest.newBuilder(url(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).isEqualTo(200);
        ask("Before unsubscribing");
        assertThat(mails(teacher, "question-sent"))
                .as("opening the link changes nothing")
                .isEqualTo(1);

        // RFC 8058 §3.2: the mail client's POST, without cookies or tokens.
        HttpResponse<String> unsubscribed = anonymous.send(
                HttpRequest.newBuilder(url(link))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        ask("After unsubscribing");
        assertThat(mails(teacher, "question-sent")).isEqualTo(1);
        assertThat(users.teacher().get("/teacher/notifications").body())
                .contains("<option value=\"NEVER\" selected=\"selected\">Never</option>");

        assertThat(redirectOf(
                        users.teacher().post("/teacher/notifications/settings", Map.of("messages", "IMMEDIATELY"))))
                .isEqualTo("/teacher/notifications?done=saved");
        assertThat(ask("Back on").statusCode()).isEqualTo(302);
        assertThat(mails(teacher, "question-sent")).isEqualTo(2);
    }

    @Test
    void aForgedUnsubscribeLinkIsRefusedWithAPage() throws Exception {
        String forged =
                tokens.sign(teacher, course, Optional.of(Topic.MESSAGES)).replaceFirst("^\\d+", "1");
        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(url("/mail/unsubscribe?t=" + forged))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("This link does not work");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private int mails(long recipient, String kind) {
        return db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT_ID.eq(recipient), MAIL_OUTBOX.KIND.eq(kind));
    }

    private HttpResponse<String> ask(String title) {
        return users.student()
                .post(
                        "/student/guidance/new",
                        List.of("title=" + title, "question=Could you help me?", "answerForm=WRITTEN"));
    }

    private static String threadOf(HttpResponse<String> sent) {
        return URI.create(redirectOf(sent)).getPath();
    }
}
