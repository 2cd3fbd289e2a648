package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.internship.Internships;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard by urgency over real launches: four interns of one teacher, one per colour, in the order the teacher
 * needs them; counts, filters, search, snoozes and the course's settings; and nothing moves when a student changes
 * what they keep to themselves.
 */
class UrgencyPageTests extends LaunchedCourseTests {

    private static final Pattern ROW = Pattern.compile("data-student=\"(\\d+)\" data-colour=\"([a-z]+)\"");
    private static final Pattern CSRF =
            Pattern.compile("(name=\"(?:_csrf|csrf-token)\"\\s+(?:value|content)=\")[^\"]*\"");

    @Autowired
    InternshipTeachers links;

    @Autowired
    Internships internships;

    CourseUsers users;
    long course;
    LaunchedUser asking;
    LaunchedUser newcomer;
    LaunchedUser unknown;
    long neverAsked;

    @BeforeEach
    void fourInternsOfOneTeacher() {
        users = launchCourse();
        course = courseIdOf(users.student());
        asking = classmateOf(users.student());
        newcomer = classmateOf(users.student());
        unknown = classmateOf(users.student());
        neverAsked = userIdOf(users.student());
        name(users.student(), "Noor Never");
        name(asking, "Ahmed Asking");
        name(newcomer, "Nina Newcomer");
        name(unknown, "Uri Unknown");
        links.link(
                course,
                List.of(neverAsked, userIdOf(asking), userIdOf(newcomer), userIdOf(unknown)),
                userIdOf(users.teacher()),
                Instant.now());
        internship(users.student(), today().minusWeeks(4));
        internship(asking, today().minusWeeks(6));
        internship(newcomer, today().minusDays(3));
        ask(asking, "How do I plan my week?", "WRITTEN");
    }

    @Test
    void theInternsComeByUrgencyWithTheirReasonsAndTheCountsOnTop() {
        HttpResponse<String> page = users.teacher().get("/teacher/dashboard");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(rows(page.body()))
                .containsExactly(
                        neverAsked + ":red",
                        userIdOf(asking) + ":orange",
                        userIdOf(newcomer) + ":green",
                        userIdOf(unknown) + ":grey");
        String text = page.body().replaceAll("\\s+", " ");
        assertThat(text)
                .contains(
                        "Never asked a question, on internship since",
                        "Question waiting since",
                        "No internship data: ask the student to fill it in",
                        "Nothing needed now",
                        "href=\"/teacher/students/" + neverAsked + "\"",
                        "Showing 4 of 4 interns")
                .contains(
                        count("1", "Needs you now"),
                        count("1", "Keep an eye on"),
                        count("1", "Not on internship or snoozed"));
    }

    @Test
    void aConversationAskedForIsRedAndTheAnswerTurnsTheRowGreen() {
        String thread = ask(newcomer, "Can we talk?", "VIDEO_CALL");
        assertThat(colourOf(userIdOf(newcomer))).isEqualTo("red");
        assertThat(users.teacher()
                        .get("/teacher/dashboard?reason=conversation-request-open")
                        .body())
                .contains("Asked for a conversation on");

        String teacherThread = thread.replace("/student/", "/teacher/");
        assertThat(users.teacher()
                        .post(teacherThread + "/reply", Map.of("body", "Call me on Tuesday"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(newcomer.post(thread + "/answered", Map.of()).statusCode()).isEqualTo(302);

        assertThat(colourOf(userIdOf(newcomer))).isEqualTo("green");
    }

    @Test
    void filtersAndSearchNarrowTheListAndKeepTheCounts() {
        assertThat(rows(users.teacher().get("/teacher/dashboard?colour=red").body()))
                .containsExactly(neverAsked + ":red");
        assertThat(rows(users.teacher()
                        .get("/teacher/dashboard?reason=answer-due")
                        .body()))
                .containsExactly(userIdOf(asking) + ":orange");
        assertThat(rows(users.teacher().get("/teacher/dashboard?week=7").body()))
                .containsExactly(userIdOf(asking) + ":orange");
        assertThat(rows(users.teacher().get("/teacher/dashboard?q=nina").body()))
                .containsExactly(userIdOf(newcomer) + ":green");
        String none =
                users.teacher().get("/teacher/dashboard?colour=green&q=Noor").body();
        assertThat(none).contains("No intern matches these filters.", "Showing 0 of 4 interns");
        assertThat(none.replaceAll("\\s+", " ")).contains(count("1", "Needs you now"));
    }

    @Test
    void aFilterChangeAsksForTheResultsOnly() {
        HttpResponse<String> partial = users.teacher()
                .browser()
                .send(users.teacher()
                        .request("/teacher/dashboard?colour=orange")
                        .header("HX-Request", "true")
                        .header("HX-Target", UrgencyController.RESULTS_TARGET)
                        .GET());

        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(partial.body()).startsWith("<section").doesNotContain("<html", "<form");
        assertThat(rows(partial.body())).containsExactly(userIdOf(asking) + ":orange");
    }

    @Test
    void filterValuesThatNameNothingAreRefusedWithANoticeNeverA500() {
        for (String query :
                List.of("colour=purple", "reason=bored", "week=0", "week=61", "week=abc", "q=" + "x".repeat(101))) {
            HttpResponse<String> page = users.teacher().get("/teacher/dashboard?" + query);
            assertThat(page.statusCode()).as(query).isEqualTo(400);
            assertThat(page.body()).as(query).contains("role=\"alert\"", "Showing 4 of 4 interns");
        }
        assertThat(users.teacher().get("/teacher/dashboard?colour=purple").body())
                .contains("There is no such colour; all colours are shown.");
    }

    @Test
    void aSnoozedInternShowsGreyWithTheNoteUntilUnsnoozed() {
        String form = "/teacher/students/" + neverAsked + "/snooze";
        assertThat(users.teacher().get(form).body()).contains("Snooze Noor Never", "name=\"until\"");

        HttpResponse<String> snoozed = users.teacher()
                .post(form, Map.of("until", today().plusWeeks(2).toString(), "note", "On leave until 12 March"));
        assertThat(redirectOf(snoozed)).isEqualTo("/teacher/dashboard?done=snoozed");

        String page = users.teacher().get("/teacher/dashboard").body();
        assertThat(rows(page)).endsWith(neverAsked + ":grey", userIdOf(unknown) + ":grey");
        assertThat(page).contains("On leave until 12 March", "Put Noor Never back on the list");
        assertThat(users.teacher().get("/teacher/students/" + neverAsked).body())
                .contains("On leave until 12 March");

        assertThat(redirectOf(users.teacher().post("/teacher/students/" + neverAsked + "/unsnooze", Map.of())))
                .isEqualTo("/teacher/dashboard?done=unsnoozed");
        assertThat(colourOf(neverAsked)).isEqualTo("red");
        assertThat(users.teacher().get("/teacher/dashboard").body()).doesNotContain("On leave until 12 March");
    }

    @Test
    void aSnoozeOutOfBoundsIsRefusedWithTheFormAndNothingStored() {
        String form = "/teacher/students/" + neverAsked + "/snooze";
        List<Map<String, String>> refused = List.of(
                Map.of("until", today().toString(), "note", ""),
                Map.of("until", today().minusDays(3).toString(), "note", ""),
                Map.of("until", today().plusMonths(6).plusDays(1).toString(), "note", ""),
                Map.of("until", "next week", "note", ""),
                Map.of("note", "No date"),
                Map.of("until", today().plusDays(7).toString(), "note", "x".repeat(201)));
        for (Map<String, String> fields : refused) {
            HttpResponse<String> answer = users.teacher().post(form, fields);
            assertThat(answer.statusCode()).as(fields.toString()).isEqualTo(422);
            assertThat(answer.body()).as(fields.toString()).contains("Not snoozed", "name=\"until\"");
        }
        assertThat(colourOf(neverAsked)).isEqualTo("red");
        assertThat(users.teacher()
                        .post(form, Map.of("until", today().plusMonths(6).toString(), "note", ""))
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void onlyTheInternsOwnTeacherMaySnoozeThem() {
        LaunchedUser secondTeacher = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en");
        String form = "/teacher/students/" + neverAsked + "/snooze";

        assertThat(secondTeacher.get(form).statusCode()).isEqualTo(404);
        assertThat(secondTeacher
                        .post(form, Map.of("until", today().plusDays(7).toString(), "note", "Not mine"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(secondTeacher
                        .post("/teacher/students/" + neverAsked + "/unsnooze", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(users.student().get(form).statusCode()).isIn(403, 404);
        assertThat(colourOf(neverAsked)).isEqualTo("red");
    }

    @Test
    void theCoursesThresholdsAreSetByAnyOfItsTeachersWithinBounds() {
        LaunchedUser coordinator = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en");
        assertThat(coordinator.get("/teacher/dashboard/settings").body()).contains("value=\"3\"", "value=\"4\"");

        for (String weeks : List.of("0", "27", "three", "")) {
            HttpResponse<String> refused = coordinator.post(
                    "/teacher/dashboard/settings", Map.of("neverAskedWeeks", weeks, "silentWeeks", "4"));
            assertThat(refused.statusCode()).as(weeks).isEqualTo(422);
            assertThat(refused.body()).contains("A whole number of weeks from 1 to 26.");
        }
        assertThat(colourOf(neverAsked)).isEqualTo("red");

        assertThat(redirectOf(coordinator.post(
                        "/teacher/dashboard/settings", Map.of("neverAskedWeeks", "5", "silentWeeks", "2"))))
                .isEqualTo("/teacher/dashboard/settings?done=saved");
        assertThat(colourOf(neverAsked)).isEqualTo("green");
        assertThat(users.otherTeacher().get("/teacher/dashboard/settings").body())
                .contains("value=\"3\"");
    }

    @Test
    void aStudentsPrivateActivityDoesNotChangeTheDashboard() {
        String before = withoutTokens(users.teacher().get("/teacher/dashboard").body());

        long moment = Long.parseLong(saveMoment(users.student(), "/student/log", "Private doubts about the placement")
                .replaceAll(".*/(\\d+)$", "$1"));
        String afterAdding =
                withoutTokens(users.teacher().get("/teacher/dashboard").body());
        saveMoment(users.student(), "/student/log/" + moment, "Private doubts, rewritten");
        String afterEditing =
                withoutTokens(users.teacher().get("/teacher/dashboard").body());
        assertThat(users.student()
                        .post("/student/log/" + moment + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(302);
        String afterDeleting =
                withoutTokens(users.teacher().get("/teacher/dashboard").body());
        saveMoment(asking, "/student/log", "Another private moment");
        String afterAnother =
                withoutTokens(users.teacher().get("/teacher/dashboard").body());

        assertThat(afterAdding).isEqualTo(before);
        assertThat(afterEditing).isEqualTo(before);
        assertThat(afterDeleting).isEqualTo(before);
        assertThat(afterAnother).isEqualTo(before);
        assertThat(before).doesNotContain("Private doubts");
    }

    @Test
    void aTeacherWithoutInternsIsToldHowTheyGetThemAndStudentsAreTurnedAway() {
        assertThat(users.otherTeacher().get("/teacher/dashboard").body()).contains("No interns are linked to you yet.");
        assertThat(users.student().get("/teacher/dashboard").statusCode()).isEqualTo(403);
    }

    @Test
    void theDashboardSpeaksDutch() {
        LaunchedUser dutch = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "nl");
        links.link(course, List.of(neverAsked), userIdOf(dutch), Instant.now());

        assertThat(dutch.get("/teacher/dashboard").body())
                .contains("Heeft je nu nodig", "Nog nooit een vraag gesteld, op stage sinds", "Zoek op naam");
    }

    private String colourOf(long studentId) {
        return rows(users.teacher().get("/teacher/dashboard").body()).stream()
                .filter(row -> row.startsWith(studentId + ":"))
                .map(row -> row.substring(row.indexOf(':') + 1))
                .findFirst()
                .orElseThrow();
    }

    /** The rows as student id and colour, top to bottom. */
    static List<String> rows(String page) {
        List<String> rows = new ArrayList<>();
        Matcher matcher = ROW.matcher(page);
        while (matcher.find()) {
            rows.add(matcher.group(1) + ":" + matcher.group(2));
        }
        return rows;
    }

    private static String count(String number, String colour) {
        return "<span class=\"urgency-count-number\">" + number + "</span> <span>" + colour + "</span>";
    }

    /** The page without what differs per response anyway: the CSRF tokens. */
    private static String withoutTokens(String page) {
        return CSRF.matcher(page).replaceAll("$1\"");
    }

    private LocalDate today() {
        return LocalDate.now(Urgency.ZONE);
    }

    private void name(LaunchedUser person, String name) {
        db.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, name)
                .where(APP_USER.ID.eq(userIdOf(person)))
                .execute();
    }

    private void internship(LaunchedUser student, LocalDate start) {
        internships.save(
                course,
                userIdOf(student),
                new Internship("Zorggroep De Linde", null, null, start, start.plusWeeks(20), null),
                userIdOf(student));
    }

    private static String ask(LaunchedUser student, String title, String answerForm) {
        HttpResponse<String> sent = student.post(
                "/student/guidance/new",
                List.of("title=" + title, "question=Could you help me with this?", "answerForm=" + answerForm));
        assertThat(sent.statusCode()).isEqualTo(302);
        return URI.create(sent.headers().firstValue("Location").orElseThrow()).getPath();
    }

    /** Saves a private moment (new at /student/log, or an edit at its own path); where the browser goes next. */
    private static String saveMoment(LaunchedUser student, String path, String title) {
        MultipartForm form = MultipartForm.moment("2026-03-02", title, "save");
        HttpRequest.Builder request =
                student.request(path).header("Content-Type", form.contentType()).POST(form.publisher());
        HttpResponse<String> saved = student.browser().send(request);
        assertThat(saved.statusCode()).isEqualTo(302);
        return URI.create(redirectOf(saved)).getPath();
    }
}
