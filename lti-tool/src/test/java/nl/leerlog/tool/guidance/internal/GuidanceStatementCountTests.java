package nl.leerlog.tool.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.MultipartForm;
import nl.leerlog.tool.StatementCounter;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The guidance pages run a fixed number of SQL statements, however many interns, threads, items, files and
 * messages they show: no statement per row. Each page is counted once with little to show and once with much more.
 */
class GuidanceStatementCountTests extends LaunchedCourseTests {

    @Autowired
    InternshipTeachers links;

    @Autowired
    nl.leerlog.tool.internship.Internships internships;

    CourseUsers users;
    long course;

    @BeforeEach
    void aStudentLinkedToTheirInternshipTeacher() {
        users = launchCourse();
        course = courseIdOf(users.student());
        link(users.student());
    }

    @Test
    void aThreadPageDoesNotGrowWithItsItemsFilesMessagesAndConversations() {
        String small = ask(users.student(), "Small", moment(users.student(), "Only one", false));
        String large = ask(
                users.student(),
                "Large",
                moment(users.student(), "First with a file", true),
                moment(users.student(), "Second with a file", true),
                moment(users.student(), "Third with a file", true));
        String teacherLarge = large.replace("/student/", "/teacher/");
        for (int i = 0; i < 6; i++) {
            users.teacher().post(teacherLarge + "/reply", Map.of("body", "Reply " + i));
            users.student().post(large + "/reply", Map.of("body", "Answer " + i));
        }
        ConversationForms.send(
                users.teacher(),
                teacherLarge + "/conversations",
                LocalDate.now().plusDays(7).toString(),
                "10:00",
                "30",
                "https://meet.example.org/intern");
        long conversation =
                ConversationForms.conversationOf(users.student().get(large).body());
        users.student().post(large + "/conversations/" + conversation + "/accept", Map.of());

        Map<String, Integer> smallCounts = counts(Map.of(
                "student thread", new Visit(users.student(), small),
                "teacher thread", new Visit(users.teacher(), small.replace("/student/", "/teacher/")),
                "teacher poll", new Visit(users.teacher(), small.replace("/student/", "/teacher/") + "/messages")));
        Map<String, Integer> largeCounts = counts(Map.of(
                "student thread", new Visit(users.student(), large),
                "teacher thread", new Visit(users.teacher(), teacherLarge),
                "teacher poll", new Visit(users.teacher(), teacherLarge + "/messages")));

        assertThat(largeCounts).isEqualTo(smallCounts);
        assertThat(smallCounts.get("teacher thread")).isPositive();
    }

    @Test
    void theTeachersListsAndTheStudentPageDoNotGrowWithInternsAndThreads() {
        ask(users.student(), "First question", moment(users.student(), "A moment", false));
        String studentPage = "/teacher/students/" + userIdOf(users.student());
        Map<String, Visit> visits = new LinkedHashMap<>();
        visits.put("dashboard", new Visit(users.teacher(), "/teacher/dashboard"));
        visits.put("questions", new Visit(users.teacher(), "/teacher/guidance"));
        visits.put("student page", new Visit(users.teacher(), studentPage));
        visits.put("student's threads", new Visit(users.student(), "/student/guidance"));
        Map<String, Integer> few = counts(visits);

        for (int i = 0; i < 5; i++) {
            LaunchedUser intern = classmateOf(users.student());
            link(intern);
            ask(intern, "Question of intern " + i, moment(intern, "Moment of intern " + i, false));
            ask(intern, "Second question of intern " + i);
            ask(users.student(), "More question " + i, moment(users.student(), "More " + i, false));
        }
        Map<String, Integer> many = counts(visits);

        assertThat(many).isEqualTo(few);
        assertThat(users.teacher().get(studentPage).body()).contains("More question 4");
    }

    @Test
    void theDashboardRunsAsManyStatementsForTwentyInternsAsForTwo() {
        Map<String, Visit> visits = new LinkedHashMap<>();
        visits.put("dashboard", new Visit(users.teacher(), "/teacher/dashboard"));
        visits.put("dashboard filtered", new Visit(users.teacher(), "/teacher/dashboard?colour=red&week=3&q=a"));
        dashboardIntern(users.student(), 0);
        LaunchedUser second = classmateOf(users.student());
        link(second);
        dashboardIntern(second, 1);
        Map<String, Integer> two = counts(visits);

        for (int i = 2; i < 20; i++) {
            LaunchedUser intern = classmateOf(users.student());
            link(intern);
            dashboardIntern(intern, i);
        }
        Map<String, Integer> twenty = counts(visits);

        assertThat(users.teacher().get("/teacher/dashboard").body()).contains("Showing 20 of 20 interns");
        assertThat(twenty).isEqualTo(two);
        assertThat(two.get("dashboard")).isPositive();
    }

    /**
     * One intern of every kind in turn: with or without internship data, a written question or a conversation
     * asked for, a proposal waiting for the student, snoozed or not, and private moments besides.
     */
    private void dashboardIntern(LaunchedUser intern, int i) {
        long id = userIdOf(intern);
        if (i % 4 != 3) {
            internships.save(
                    course,
                    id,
                    new nl.leerlog.tool.internship.Internship(
                            "Zorggroep", null, null, LocalDate.now().minusWeeks(i % 6), null, null),
                    id);
        }
        moment(intern, "Private " + i, false);
        if (i % 2 == 0) {
            String thread = ask(intern, "Question " + i);
            if (i % 4 == 0) {
                users.teacher().post(thread.replace("/student/", "/teacher/") + "/reply", Map.of("body", "Answer"));
                intern.post(thread + "/reply", Map.of("body", "Thanks, and one more thing"));
            }
        }
        if (i % 3 == 0) {
            String thread = ask(intern, "Proposal " + i);
            ConversationForms.send(
                    users.teacher(),
                    thread.replace("/student/", "/teacher/") + "/conversations",
                    LocalDate.now().plusDays(7).toString(),
                    "10:00",
                    "30",
                    "https://meet.example.org/intern");
        }
        if (i % 5 == 1) {
            users.teacher()
                    .post(
                            "/teacher/students/" + id + "/snooze",
                            Map.of("until", LocalDate.now().plusDays(9).toString(), "note", "Away " + i));
        }
    }

    private record Visit(LaunchedUser user, String path) {}

    /** The statements of one request per page, counted on the server under a label of its own. */
    private static Map<String, Integer> counts(Map<String, Visit> visits) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        visits.forEach((name, visit) -> {
            // The same request once uncounted first: the session is then in this instance's short cache for the
            // counted one, whatever time the arranging took, so a slow machine does not count one read more.
            visit.user().browser().send(visit.user().request(visit.path()).GET());
            String label = UUID.randomUUID().toString();
            HttpResponse<String> response = visit.user()
                    .browser()
                    .send(visit.user()
                            .request(visit.path())
                            .header(StatementCounter.HEADER, label)
                            .GET());
            assertThat(response.statusCode()).as(name).isIn(200, 204);
            counts.put(name, StatementCounter.count(label));
        });
        return counts;
    }

    private void link(LaunchedUser student) {
        links.link(course, List.of(userIdOf(student)), userIdOf(users.teacher()), Instant.now());
    }

    private long moment(LaunchedUser student, String title, boolean withFile) {
        MultipartForm form = MultipartForm.moment("2026-03-02", title, "save");
        if (withFile) {
            form = form.file(
                    "evidence", "notes.txt", "text/plain", ("Notes on " + title).getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = student.request("/student/log")
                .header("Content-Type", form.contentType())
                .POST(form.publisher());
        HttpResponse<String> saved = student.browser().send(request);
        assertThat(saved.statusCode()).isEqualTo(302);
        return Long.parseLong(URI.create(redirectOf(saved)).getPath().replaceAll(".*/(\\d+)$", "$1"));
    }

    private static String ask(LaunchedUser student, String title, long... moments) {
        List<String> fields = new ArrayList<>();
        for (long moment : moments) {
            fields.add("items=moment:" + moment);
        }
        fields.add("title=" + title);
        fields.add("question=Could you help me with this?");
        fields.add("answerForm=VIDEO_CALL");
        HttpResponse<String> sent = student.post("/student/guidance/new", fields);
        assertThat(sent.statusCode()).isEqualTo(302);
        return URI.create(sent.headers().firstValue("Location").orElseThrow()).getPath();
    }
}
