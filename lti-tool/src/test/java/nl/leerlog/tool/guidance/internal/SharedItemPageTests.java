package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.EVIDENCE;
import static nl.leerlog.schema.Tables.GUIDANCE_CONVERSATION;
import static nl.leerlog.schema.Tables.GUIDANCE_ITEM_FILE;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.MultipartForm;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a thread holds beside its messages: the shared items with copies of their evidence, a new version the student
 * sends, a conversation the teacher moves, the student's report after it, and the think-first text for the workplace
 * supervisor that sends nothing.
 */
class SharedItemPageTests extends LaunchedCourseTests {

    private static final Pattern ITEM = Pattern.compile("/items/(\\d+)/files/(\\d+)");

    @Autowired
    InternshipTeachers links;

    CourseUsers users;
    LaunchedUser classmate;
    LaunchedUser secondTeacher;
    long course;
    long moment;
    String thread;
    String teacherThread;

    @BeforeEach
    void aStudentAskedWithAMomentThatHasEvidence() {
        users = launchCourse();
        classmate = classmateOf(users.student());
        secondTeacher = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en");
        course = courseIdOf(users.student());
        links.link(course, List.of(userIdOf(users.student())), userIdOf(users.teacher()), Instant.now());
        HttpResponse<String> saved = users.student()
                .browser()
                .send(multipart(
                        users.student(),
                        "/student/log",
                        MultipartForm.moment("2026-03-02", "Planning the parents' evening", "save")
                                .file(
                                        "evidence",
                                        "planning.txt",
                                        "text/plain",
                                        "Week 3: invite parents, book room 1.12".getBytes(StandardCharsets.UTF_8))));
        assertThat(saved.statusCode()).isEqualTo(302);
        moment = Long.parseLong(URI.create(redirectOf(saved)).getPath().replaceAll(".*/(\\d+)$", "$1"));
        HttpResponse<String> sent = users.student()
                .post(
                        "/student/guidance/new",
                        List.of(
                                "items=moment:" + moment,
                                "title=How do I plan the parents' evening?",
                                "question=My planning feels too tight.",
                                "answerForm=VIDEO_CALL"));
        thread = URI.create(redirectOf(sent)).getPath();
        teacherThread = thread.replace("/student/", "/teacher/");
    }

    @Test
    void theTeacherDownloadsTheEvidenceAsSentEvenAfterTheStudentDeletesItFromTheLog() {
        String page = users.teacher().get(teacherThread).body();
        assertThat(page).contains("Evidence, as sent", "planning.txt");
        String file = fileOf(page);

        HttpResponse<String> download = users.teacher().get(teacherThread + file);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("Week 3: invite parents, book room 1.12");
        assertThat(download.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");

        long evidence = db.select(EVIDENCE.ID)
                .from(EVIDENCE)
                .where(EVIDENCE.MOMENT_ID.eq(moment))
                .fetchSingle(EVIDENCE.ID);
        users.student().post("/student/log/" + moment + "/evidence/" + evidence + "/delete", Map.of());

        assertThat(users.teacher().get(teacherThread + file).body())
                .isEqualTo("Week 3: invite parents, book room 1.12");
        assertThat(users.student().get(thread + file).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheStudentAndTheirLinkedTeacherReachACopiedFileAndAWithdrawalDeletesIt() {
        String file = fileOf(users.teacher().get(teacherThread).body());

        for (LaunchedUser student : List.of(classmate, users.otherStudent())) {
            assertThat(student.get(thread + file).statusCode()).isEqualTo(404);
        }
        for (LaunchedUser teacher : List.of(secondTeacher, users.otherTeacher())) {
            assertThat(teacher.get(teacherThread + file).statusCode()).isEqualTo(404);
        }
        // Another question's path with this file's ids reaches nothing either.
        assertThat(users.teacher().get("/teacher/guidance/0" + file).statusCode())
                .isEqualTo(404);

        String item = file.replaceAll("/files/\\d+$", "");
        assertThat(users.student().post(thread + item + "/withdraw", Map.of()).statusCode())
                .isEqualTo(302);

        assertThat(users.teacher().get(teacherThread + file).statusCode()).isEqualTo(404);
        assertThat(users.student().get(thread + file).statusCode()).isEqualTo(404);
        long itemId = Long.parseLong(item.replaceAll(".*/items/(\\d+)$", "$1"));
        assertThat(db.fetchCount(GUIDANCE_ITEM_FILE, GUIDANCE_ITEM_FILE.ITEM_ID.eq(itemId)))
                .isZero();
        assertThat(users.teacher().get(teacherThread).body()).doesNotContain("planning.txt");
    }

    @Test
    void theStudentSendsTheNewVersionOfAnItemAndTheTeacherReadsItInPlaceOfTheCopy() {
        String item = fileOf(users.student().get(thread).body()).replaceAll("/files/\\d+$", "");
        db.update(LEARNING_MOMENT)
                .set(LEARNING_MOMENT.TITLE, "Parents' evening, second plan")
                .where(LEARNING_MOMENT.ID.eq(moment))
                .execute();
        assertThat(users.teacher().get(teacherThread).body()).contains("Planning the parents&#39; evening");

        for (LaunchedUser other : List.of(classmate, users.otherStudent())) {
            assertThat(other.post(thread + item + "/renew", Map.of()).statusCode())
                    .isEqualTo(404);
        }
        assertThat(users.student().post(thread + item + "/renew", Map.of()).statusCode())
                .isEqualTo(302);

        String teacherView = users.teacher().get(teacherThread).body();
        assertThat(teacherView)
                .contains("Parents&#39; evening, second plan", "Version 2, sent")
                .contains("The student sent a new version of an item:")
                .doesNotContain("Planning the parents&#39; evening")
                .contains("planning.txt");

        rows().deleteMoment(moment);
        HttpResponse<String> gone = users.student().post(thread + item + "/renew", Map.of());
        assertThat(gone.statusCode()).isEqualTo(409);
        assertThat(gone.body()).contains("deleted from your log or is a draft now");
        assertThat(users.teacher().get(teacherThread).body()).contains("Parents&#39; evening, second plan");

        users.student().post(thread + "/close", Map.of());
        assertThat(users.student().get(thread).body()).doesNotContain("Send the new version");
    }

    @Test
    void theTeacherMovesAnAgreedConversationAndTheInvitationUpdatesTheSameEvent() {
        LocalDate nextWeek = LocalDate.now(Conversation.ZONE).plusDays(7);
        propose(users.teacher(), teacherThread + "/conversations", nextWeek, "14:00");
        long conversation = conversationOf(users.student().get(thread).body());
        users.student().post(thread + "/conversations/" + conversation + "/accept", Map.of());
        String invitation = "/conversations/" + conversation + "/invitation.ics";
        String before = users.student().get(thread + invitation).body();
        String move = teacherThread + "/conversations/" + conversation + "/move";

        assertThat(users.teacher().get(teacherThread).body()).contains("Move this conversation");
        assertThat(propose(secondTeacher, move, nextWeek, "15:00").statusCode()).isEqualTo(404);
        assertThat(propose(users.otherTeacher(), move, nextWeek, "15:00").statusCode())
                .isEqualTo(404);
        HttpResponse<String> past =
                propose(users.teacher(), move, LocalDate.now(Conversation.ZONE).minusDays(2), "15:00");
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("Not moved", "Choose a moment in the future.");

        assertThat(propose(users.teacher(), move, nextWeek.plusDays(1), "09:30").statusCode())
                .isEqualTo(302);

        String after = users.student().get(thread + invitation).body();
        assertThat(uid(after)).isEqualTo(uid(before));
        assertThat(before).contains("SEQUENCE:0");
        assertThat(after)
                .contains("SEQUENCE:1")
                .contains("DTSTART;TZID=Europe/Amsterdam:"
                        + nextWeek.plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE) + "T093000");
        assertThat(users.student().get(thread).body())
                .contains("The teacher moved the conversation.", "Agreed", "Conversation planned");

        users.teacher().post(teacherThread + "/conversations/" + conversation + "/cancel", Map.of());
        HttpResponse<String> cancelled = propose(users.teacher(), move, nextWeek.plusDays(2), "09:30");
        assertThat(cancelled.statusCode()).isEqualTo(409);
        assertThat(cancelled.body()).contains("Not moved: the conversation was cancelled");
    }

    @Test
    void afterAHeldConversationTheStudentAddsAReportThatTheTeacherReads() {
        LocalDate nextWeek = LocalDate.now(Conversation.ZONE).plusDays(7);
        propose(users.teacher(), teacherThread + "/conversations", nextWeek, "14:00");
        long conversation = conversationOf(users.student().get(thread).body());
        users.student().post(thread + "/conversations/" + conversation + "/accept", Map.of());

        assertThat(users.student().get(thread).body()).doesNotContain("Agreements and action points");
        HttpResponse<String> early =
                users.student().post(thread + "/report", Map.of("report", "We agreed I start a week earlier."));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("We agreed I start a week earlier.");

        // The conversation took place: its moment lies in the past.
        db.update(GUIDANCE_CONVERSATION)
                .set(
                        GUIDANCE_CONVERSATION.STARTS_AT,
                        OffsetDateTime.now(ZoneOffset.UTC).minusHours(2))
                .where(GUIDANCE_CONVERSATION.ID.eq(conversation))
                .execute();
        assertThat(users.student().get(thread).body()).contains("Agreements and action points");
        assertThat(users.student()
                        .post(thread + "/report", Map.of("report", " "))
                        .statusCode())
                .isEqualTo(422);
        assertThat(classmate
                        .post(thread + "/report", Map.of("report", "Not mine"))
                        .statusCode())
                .isEqualTo(404);

        assertThat(users.student()
                        .post(
                                thread + "/report",
                                Map.of("report", "Agreed: I send the invitation on Friday; Anna checks the room."))
                        .statusCode())
                .isEqualTo(302);

        assertThat(users.teacher().get(teacherThread).body())
                .contains("Report of the conversation (agreements and action points):")
                .contains("Agreed: I send the invitation on Friday; Anna checks the room.");
    }

    @Test
    void thinkingFirstGivesATextForTheWorkplaceSupervisorAndSendsNothing() {
        int before = db.fetchCount(GUIDANCE_QUESTION);

        HttpResponse<String> text = users.student()
                .post(
                        "/student/guidance/new",
                        List.of(
                                "title=Can I lead the team meeting?",
                                "question=I would like to chair Monday's meeting once.",
                                "answerForm=WRITTEN",
                                "intent=supervisor"));

        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body())
                .contains("A text for your workplace supervisor", "Nothing was sent to your internship teacher")
                .contains("I have a question about my internship: Can I lead the team meeting?")
                .contains("I would like to chair Monday&#39;s meeting once.");
        assertThat(db.fetchCount(GUIDANCE_QUESTION)).isEqualTo(before);

        HttpResponse<String> empty = users.student()
                .post(
                        "/student/guidance/new",
                        List.of("title=Can I lead the team meeting?", "question= ", "intent=supervisor"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).doesNotContain("A text for your workplace supervisor");
        assertThat(db.fetchCount(GUIDANCE_QUESTION)).isEqualTo(before);
    }

    private static java.net.http.HttpRequest.Builder multipart(LaunchedUser user, String path, MultipartForm form) {
        return user.request(path).header("Content-Type", form.contentType()).POST(form.publisher());
    }

    private static HttpResponse<String> propose(LaunchedUser teacher, String path, LocalDate date, String time) {
        return ConversationForms.send(
                teacher, path, date.toString(), time, "30", "https://meet.example.org/parents-evening");
    }

    /** The path of the first copied file a thread page links, from {@code /items/}. */
    private static String fileOf(String page) {
        Matcher file = ITEM.matcher(page);
        assertThat(file.find()).as("a file link on the page").isTrue();
        return file.group();
    }

    private static long conversationOf(String page) {
        return ConversationForms.conversationOf(page);
    }

    private static String uid(String ics) {
        return ics.replaceAll("(?s).*\r?\nUID:([^\r\n]+).*", "$1");
    }
}
