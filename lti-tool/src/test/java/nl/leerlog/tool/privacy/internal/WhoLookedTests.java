package nl.leerlog.tool.privacy.internal;

import static nl.leerlog.schema.Tables.PRIVACY_READ;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every read of a shared item by a teacher is written down, and the student sees who looked at what and when. */
class WhoLookedTests extends LaunchedCourseTests {

    @Autowired
    InternshipTeachers links;

    CourseUsers users;
    String thread;

    @BeforeEach
    void aStudentWhoSharesTwoMomentsWithTheirTeacher() {
        users = launchCourse();
        SharedThreads threads = new SharedThreads(rows(), links);
        threads.link(courseIdOf(users.student()), userIdOf(users.student()), userIdOf(users.teacher()));
        thread = threads.ask(
                users.student(), ownerOf(users.student()), "Calming a class", "Reading corner", "Circle time");
    }

    @Test
    void aTeacherOpeningTheThreadIsListedWithEachItemTheyRead() {
        assertThat(users.student().get("/student/privacy/reads").body()).contains("Nobody has read anything");

        assertThat(users.teacher().get(thread.replace("/student/", "/teacher/")).statusCode())
                .isEqualTo(200);

        String reads = users.student().get("/student/privacy/reads").body();
        assertThat(reads).contains("Sanne de Vries", "(internship teacher)", "Reading corner", "Circle time");
        assertThat(db.fetchCount(PRIVACY_READ, PRIVACY_READ.OWNER_ID.eq(userIdOf(users.student()))))
                .isEqualTo(2);
        assertThat(db.fetchCount(PRIVACY_READ, PRIVACY_READ.READER_ID.eq(userIdOf(users.teacher()))))
                .isEqualTo(2);
    }

    @Test
    void aWithdrawnItemIsNotReadAndNobodyElseReadsOrSeesTheReads() {
        String teacherThread = thread.replace("/student/", "/teacher/");
        LaunchedUser otherTeacher = users.otherTeacher();

        assertThat(otherTeacher.get(teacherThread).statusCode()).isEqualTo(404);
        assertThat(db.fetchCount(PRIVACY_READ, PRIVACY_READ.OWNER_ID.eq(userIdOf(users.student()))))
                .isZero();

        users.student().post(thread + "/withdraw", java.util.Map.of());
        users.teacher().get(teacherThread);
        assertThat(db.fetchCount(PRIVACY_READ, PRIVACY_READ.OWNER_ID.eq(userIdOf(users.student()))))
                .as("a withdrawn question shows no items, so nothing is read")
                .isZero();

        for (LaunchedUser someone : List.of(users.teacher(), otherTeacher)) {
            assertThat(someone.get("/student/privacy/reads").statusCode()).isEqualTo(404);
        }
        assertThat(classmateOf(users.student()).get("/student/privacy/reads").body())
                .contains("Nobody has read anything");
    }
}
