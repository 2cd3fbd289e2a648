package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.GUIDANCE_CONVERSATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The teacher proposes a conversation, the student accepts or asks for another, both get the invitation. */
class ConversationPageTests extends LaunchedCourseTests {

    @Autowired
    InternshipTeachers links;

    CourseUsers users;
    LaunchedUser classmate;
    LaunchedUser secondTeacher;
    long course;
    String thread;
    String teacherThread;
    LocalDate nextWeek = LocalDate.now(Conversation.ZONE).plusDays(7);

    @BeforeEach
    void aStudentAskedTheirTeacherForAVideoCall() {
        users = launchCourse();
        classmate = classmateOf(users.student());
        secondTeacher = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en");
        course = courseIdOf(users.student());
        links.link(course, List.of(userIdOf(users.student())), userIdOf(users.teacher()), Instant.now());
        long moment = rows().moment(ownerOf(users.student()), "Conflict in the team");
        HttpResponse<String> sent = users.student()
                .post(
                        "/student/guidance/new",
                        List.of(
                                "items=moment:" + moment,
                                "title=Can we talk about the team?",
                                "question=I would like to discuss what happened.",
                                "answerForm=VIDEO_CALL",
                                "preferredMoments=Tuesday afternoon"));
        thread = URI.create(redirectOf(sent)).getPath();
        teacherThread = thread.replace("/student/", "/teacher/");
    }

    @Test
    void anAgreedConversationGivesBothTheSameInvitationAndACancellationReplacesIt() throws Exception {
        assertThat(users.teacher().get(teacherThread).body())
                .contains("Propose a moment", "The student prefers: Tuesday afternoon");

        assertThat(propose(users.teacher(), nextWeek.toString(), "14:00", "30", "https://meet.example.org/leerlog-team")
                        .statusCode())
                .isEqualTo(302);

        String offered = users.student().get(thread).body();
        assertThat(offered)
                .contains(
                        "Proposed, waiting for the student",
                        "Accept this moment",
                        "href=\"https://meet.example.org/leerlog-team\"")
                .contains("The teacher proposed a moment for a conversation.");
        long conversation = conversationOf(offered);
        String invitation = thread + "/conversations/" + conversation + "/invitation.ics";
        assertThat(users.student().get(invitation).statusCode()).isEqualTo(404);

        assertThat(users.student()
                        .post(thread + "/conversations/" + conversation + "/accept", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(users.student().get(thread).body()).contains("Conversation planned", "Agreed");

        HttpResponse<String> forStudent = users.student().get(invitation);
        assertThat(forStudent.statusCode()).isEqualTo(200);
        assertThat(forStudent.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        Calendar agreed = parse(forStudent.body());
        Component event = agreed.getComponent(Component.VEVENT).orElseThrow();
        // DTSTART's TZID must be defined in the same file (RFC 5545 §3.2.19).
        assertThat(value(agreed.getComponent(Component.VTIMEZONE).orElseThrow(), Property.TZID))
                .isEqualTo("Europe/Amsterdam");
        assertThat(agreed.getProperty(Property.METHOD)).isEmpty();
        assertThat(forStudent.body())
                .contains("DTSTART;TZID=Europe/Amsterdam:" + nextWeek.format(DateTimeFormatter.BASIC_ISO_DATE)
                        + "T140000")
                .contains(
                        "DTEND;TZID=Europe/Amsterdam:" + nextWeek.format(DateTimeFormatter.BASIC_ISO_DATE) + "T143000")
                .contains("TZID:Europe/Amsterdam", "Can we talk about the team?", "SEQUENCE:0");
        String uid = value(event, Property.UID);

        String forTeacher = users.teacher()
                .get(teacherThread + "/conversations/" + conversation + "/invitation.ics")
                .body();
        assertThat(value(parse(forTeacher).getComponent(Component.VEVENT).orElseThrow(), Property.UID))
                .isEqualTo(uid);

        assertThat(users.teacher()
                        .post(teacherThread + "/conversations/" + conversation + "/cancel", Map.of())
                        .statusCode())
                .isEqualTo(302);
        Calendar cancelled = parse(users.student().get(invitation).body());
        Component cancelledEvent = cancelled.getComponent(Component.VEVENT).orElseThrow();
        assertThat(value(cancelled, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(value(cancelledEvent, Property.UID)).isEqualTo(uid);
        assertThat(value(cancelledEvent, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(cancelledEvent, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(users.student().get(thread).body())
                .contains("The conversation was cancelled.", "Waiting for the teacher");
    }

    @Test
    void onlyTheStudentAndTheirLinkedTeacherReachAConversation() {
        propose(users.teacher(), nextWeek.toString(), "10:00", "45", "Room 2.14");
        long conversation = conversationOf(users.student().get(thread).body());
        String path = "/conversations/" + conversation;
        users.student().post(thread + path + "/accept", Map.of());

        for (LaunchedUser student : List.of(classmate, users.otherStudent())) {
            assertThat(student.get(thread + path + "/invitation.ics").statusCode())
                    .isEqualTo(404);
            assertThat(student.post(thread + path + "/cancel", Map.of()).statusCode())
                    .isEqualTo(404);
        }
        for (LaunchedUser teacher : List.of(secondTeacher, users.otherTeacher())) {
            assertThat(teacher.get(teacherThread + path + "/invitation.ics").statusCode())
                    .isEqualTo(404);
            assertThat(teacher.post(teacherThread + path + "/cancel", Map.of()).statusCode())
                    .isEqualTo(404);
            assertThat(propose(teacher, nextWeek.toString(), "11:00", "30", "Room 1")
                            .statusCode())
                    .isEqualTo(404);
        }

        links.unlink(course, List.of(userIdOf(users.student())));

        assertThat(users.teacher().get(teacherThread + path + "/invitation.ics").statusCode())
                .isEqualTo(404);
        assertThat(users.teacher()
                        .post(teacherThread + path + "/cancel", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(users.student().get(thread + path + "/invitation.ics").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aProposalNeedsAFutureMomentALengthAndAPlaceAndNothingIsSavedOtherwise() {
        HttpResponse<String> past = propose(
                users.teacher(), LocalDate.now(Conversation.ZONE).minusDays(1).toString(), "09:00", "30", "Room 1");
        HttpResponse<String> noPlace = propose(users.teacher(), nextWeek.toString(), "09:00", "30", " ");
        HttpResponse<String> tooShort = propose(users.teacher(), nextWeek.toString(), "09:00", "5", "Room 1");
        HttpResponse<String> notADate = propose(users.teacher(), "next tuesday", "09:00", "30", "Room 1");

        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("Choose a moment in the future.", "value=\"Room 1\"");
        assertThat(noPlace.statusCode()).isEqualTo(422);
        assertThat(noPlace.body()).contains("Give a place or a video link.");
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("Give a length from 10 to 240 minutes.");
        assertThat(notADate.statusCode()).isEqualTo(422);
        assertThat(db.fetchCount(GUIDANCE_CONVERSATION, GUIDANCE_CONVERSATION.COURSE_ID.eq(course)))
                .isZero();
    }

    @Test
    void theStudentAsksForAnotherMomentAndTheTeacherProposesAgainButNeverTwoAtOnce() {
        propose(users.teacher(), nextWeek.toString(), "08:00", "30", "https://meet.example.org/early");
        assertThat(propose(users.teacher(), nextWeek.toString(), "09:00", "30", "Room 1")
                        .statusCode())
                .isEqualTo(409);
        long first = conversationOf(users.student().get(thread).body());

        HttpResponse<String> empty =
                users.student().post(thread + "/conversations/" + first + "/decline", Map.of("note", " "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(users.student()
                        .post(
                                thread + "/conversations/" + first + "/decline",
                                Map.of("note", "Thursday after four suits me better."))
                        .statusCode())
                .isEqualTo(302);

        String teacherView = users.teacher().get(teacherThread).body();
        assertThat(teacherView)
                .contains("The student asked for another moment.", "Thursday after four suits me better.")
                .contains("Waiting for the teacher", "Propose a moment");
        assertThat(users.student()
                        .post(thread + "/conversations/" + first + "/accept", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(propose(users.teacher(), nextWeek.plusDays(2).toString(), "16:30", "30", "Room 1")
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void withdrawingTheQuestionCancelsItsAgreedConversation() throws Exception {
        propose(users.teacher(), nextWeek.toString(), "13:00", "60", "Room 3.01");
        long conversation = conversationOf(users.student().get(thread).body());
        users.student().post(thread + "/conversations/" + conversation + "/accept", Map.of());

        users.student().post(thread + "/withdraw", Map.of());

        Calendar cancelled = parse(users.student()
                .get(thread + "/conversations/" + conversation + "/invitation.ics")
                .body());
        assertThat(value(cancelled, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(users.teacher().get(teacherThread).body()).doesNotContain("Propose a moment");
    }

    private HttpResponse<String> propose(LaunchedUser teacher, String date, String time, String minutes, String place) {
        return ConversationForms.send(teacher, teacherThread + "/conversations", date, time, minutes, place);
    }

    private static long conversationOf(String page) {
        return ConversationForms.conversationOf(page);
    }

    /** Parsed by iCal4j as a calendar would: a malformed file fails here. */
    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(Component component, String name) {
        return component.getProperty(name).orElseThrow().getValue();
    }

    private static String value(Calendar calendar, String name) {
        return calendar.getProperty(name).orElseThrow().getValue();
    }
}
