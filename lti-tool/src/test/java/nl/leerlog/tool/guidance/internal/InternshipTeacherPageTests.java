package nl.leerlog.tool.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A coordinator links students to internship teachers, over real launches. */
class InternshipTeacherPageTests extends LaunchedCourseTests {

    private static final String PAGE = "/teacher/students/teachers";

    @Autowired
    InternshipTeachers links;

    CourseUsers users;
    LaunchedUser classmate;
    LaunchedUser secondTeacher;
    long course;

    @BeforeEach
    void aCourseWithTwoStudentsAndTwoTeachers() {
        users = launchCourse();
        classmate = classmateOf(users.student());
        secondTeacher = launch(users.student().contextId(), TestPlatform.INSTRUCTOR, "en");
        course = courseIdOf(users.student());
    }

    @Test
    void aCoordinatorLinksSeveralStudentsAtOnceAndTheFilterShowsWhoIsLeft() {
        assertThat(users.teacher().get(PAGE + "?unlinkedOnly=true").body())
                .contains("Not linked yet (2)", "value=\"" + userIdOf(users.student()) + "\"");

        HttpResponse<String> linked =
                post(users.teacher(), studentIds(users.student(), classmate), "teacherId", userIdOf(secondTeacher));

        assertThat(linked.statusCode()).isEqualTo(302);
        assertThat(shown(users.teacher(), linked).body())
                .contains("Internship teacher saved for 2 student(s).", "Not linked yet (0)");
        assertThat(links.isInternshipTeacherOf(course, userIdOf(secondTeacher), userIdOf(users.student())))
                .isTrue();
        assertThat(links.isInternshipTeacherOf(course, userIdOf(secondTeacher), userIdOf(classmate)))
                .isTrue();
        assertThat(users.teacher().get(PAGE + "?unlinkedOnly=true").body())
                .contains("Every student has an internship teacher.");
    }

    @Test
    void aStudentSeesTheirInternshipTeacherOrWhomToAskBeforeTheyAreLinked() {
        assertThat(users.student().get("/student/guidance").body())
                .contains("You have no internship teacher in Leerlog yet.", "ask your coordinator");

        post(users.teacher(), studentIds(users.student()), "teacherId", userIdOf(secondTeacher));

        assertThat(users.student().get("/student/guidance").body())
                .contains("Your internship teacher")
                .doesNotContain("You have no internship teacher");
        assertThat(links.teacherOf(course, userIdOf(users.student())).map(InternshipTeachers.Person::id))
                .contains(userIdOf(secondTeacher));
        assertThat(classmate.get("/student/guidance").body()).contains("You have no internship teacher");
    }

    @Test
    void unlinkingEndsTheTeachersAccessAndSaysSo() {
        post(users.teacher(), studentIds(users.student()), "teacherId", userIdOf(users.teacher()));

        HttpResponse<String> unlinked = post(users.teacher(), studentIds(users.student()), "action", "unlink");

        assertThat(shown(users.teacher(), unlinked).body()).contains("Link ended for 1 student(s)");
        assertThat(links.teacherOf(course, userIdOf(users.student()))).isEmpty();
    }

    @Test
    void withoutAStudentOrATeacherTheFormComesBackWithItsChoiceAndAMessage() {
        HttpResponse<String> noStudent = post(users.teacher(), Map.of(), "teacherId", userIdOf(users.teacher()));
        HttpResponse<String> noTeacher = post(users.teacher(), studentIds(classmate), "action", "link");

        assertThat(noStudent.statusCode()).isEqualTo(422);
        assertThat(noStudent.body()).contains("Choose at least one student.");
        assertThat(noTeacher.statusCode()).isEqualTo(422);
        assertThat(noTeacher.body())
                .contains("Choose the internship teacher.")
                .containsPattern("value=\"" + userIdOf(classmate) + "\"\\s+checked");
        assertThat(links.teacherOf(course, userIdOf(classmate))).isEmpty();
    }

    @Test
    void studentsAndTeacherOfAnotherCourseLinkNobody() {
        long student = userIdOf(users.student());

        assertThat(users.student().get(PAGE).statusCode()).isEqualTo(403);
        assertThat(post(users.student(), studentIds(classmate), "teacherId", userIdOf(users.teacher()))
                        .statusCode())
                .isEqualTo(403);
        // A teacher of another course posting this course's ids links nobody in either course.
        assertThat(post(users.otherTeacher(), studentIds(users.student()), "teacherId", userIdOf(users.teacher()))
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(users.teacher(), studentIds(users.otherStudent()), "teacherId", userIdOf(users.teacher()))
                        .statusCode())
                .isEqualTo(404);
        assertThat(links.teacherOf(course, student)).isEmpty();
        assertThat(links.teacherOf(courseIdOf(users.otherStudent()), userIdOf(users.otherStudent())))
                .isEmpty();
    }

    private Map<String, List<String>> studentIds(LaunchedUser... students) {
        return Map.of(
                "studentIds",
                java.util.Arrays.stream(students)
                        .map(student -> Long.toString(userIdOf(student)))
                        .toList());
    }

    /** A form post with the chosen students as repeated fields, as a browser sends checkboxes. */
    private static HttpResponse<String> post(
            LaunchedUser user, Map<String, List<String>> students, String name, Object value) {
        String body = students.getOrDefault("studentIds", List.of()).stream()
                .map(id -> "studentIds=" + id)
                .collect(Collectors.joining("&"));
        body = (body.isEmpty() ? "" : body + "&") + name + "=" + value;
        return user.browser()
                .send(user.request(PAGE)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> shown(LaunchedUser user, HttpResponse<String> answer) {
        if (answer.statusCode() != 302) {
            return answer;
        }
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        return user.get(location.getRawPath() + "?" + location.getRawQuery());
    }
}
