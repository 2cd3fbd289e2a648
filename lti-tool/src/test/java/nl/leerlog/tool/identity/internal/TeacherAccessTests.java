package nl.leerlog.tool.identity.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.ENROLMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.leerlog.lti.claims.LtiClaims;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.TestDatabases;
import nl.leerlog.tool.identity.CourseRole;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A teacher's session lasts hours, their enrolment may not: once roster sync made it inactive, or it was
 * demoted, the teacher pages refuse them within {@code leerlog.course.teacher-recheck} (2 minutes), with the
 * usual 403 page. Time is moved with the application's clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class TeacherAccessTests {

    static final TestPlatform PLATFORM = TestPlatform.start();
    static final Duration RECHECK = Duration.ofMinutes(2);

    @DynamicPropertySource
    static void platformAndDatabase(DynamicPropertyRegistry registry) {
        PLATFORM.properties(0).forEach((name, value) -> registry.add(name, () -> value));
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopPlatform() {
        PLATFORM.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    @Autowired
    MovableClock clock;

    @Autowired
    MessageSource messages;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void teacherRemovedFromTheCourseLosesTheTeacherPagesOnceTheRecheckIsDue() {
        LaunchedUser teacher = launchTeacher();
        assertThat(teacher.get("/teacher/programme").statusCode()).isEqualTo(200);

        deactivate(teacher); // as roster sync does for someone no longer in the course

        assertThat(teacher.get("/teacher/programme").statusCode())
                .as("confirmed less than 2 minutes ago")
                .isEqualTo(200);
        clock.advance(RECHECK.plusSeconds(1));
        HttpResponse<String> refused = teacher.get("/teacher/programme");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains(messages.getMessage("error.forbidden.title", null, Locale.ENGLISH));
        assertThat(teacher.get("/teacher/students").statusCode()).isEqualTo(403);
    }

    @Test
    void teacherDemotedToStudentLosesTheTeacherPagesOnceTheRecheckIsDue() {
        LaunchedUser teacher = launchTeacher();
        assertThat(teacher.get("/teacher/students").statusCode()).isEqualTo(200);

        db.update(ENROLMENT)
                .set(ENROLMENT.COURSE_ROLE, CourseRole.STUDENT.name())
                .where(enrolmentOf(teacher))
                .execute();
        clock.advance(RECHECK.plusSeconds(1));

        assertThat(teacher.get("/teacher/students").statusCode()).isEqualTo(403);
    }

    @Test
    void teacherStillEnrolledKeepsTheTeacherPagesAfterTheRecheck() {
        LaunchedUser teacher = launchTeacher();
        assertThat(teacher.get("/teacher/programme").statusCode()).isEqualTo(200);

        clock.advance(RECHECK.plusSeconds(1));
        assertThat(teacher.get("/teacher/programme").statusCode()).isEqualTo(200);
        clock.advance(RECHECK.plusSeconds(1));
        assertThat(teacher.get("/teacher/programme").statusCode()).isEqualTo(200);
    }

    @Test
    void refusalIsNotKeptSoARelaunchThatReEnrolsCountsAtOnce() {
        LaunchedUser teacher = launchTeacher();
        deactivate(teacher);
        clock.advance(RECHECK.plusSeconds(1));
        assertThat(teacher.get("/teacher/programme").statusCode()).isEqualTo(403);

        LaunchClient again = new LaunchClient(baseUrl());
        HttpResponse<String> relaunch = again.fullLaunch(
                PLATFORM,
                claims -> claims.subject(teacher.subject())
                        .claim(
                                LtiClaims.CONTEXT,
                                Map.of("id", teacher.contextId(), "title", "Stage " + teacher.contextId()))
                        .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "link-" + teacher.contextId()))
                        .claim(LtiClaims.ROLES, List.of(TestPlatform.INSTRUCTOR)));

        assertThat(relaunch.statusCode()).isEqualTo(200);
        assertThat(again.get("/teacher/programme").statusCode()).isEqualTo(200);
    }

    @Test
    void studentNeverReachesTheTeacherPages() {
        LaunchedUser student =
                LaunchedUser.launch(PLATFORM, baseUrl(), "course-" + UUID.randomUUID(), TestPlatform.LEARNER, "en");

        assertThat(student.get("/teacher/programme").statusCode()).isEqualTo(403);
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private LaunchedUser launchTeacher() {
        return LaunchedUser.launch(PLATFORM, baseUrl(), "course-" + UUID.randomUUID(), TestPlatform.INSTRUCTOR, "en");
    }

    private void deactivate(LaunchedUser person) {
        db.update(ENROLMENT)
                .set(ENROLMENT.ACTIVE, false)
                .where(enrolmentOf(person))
                .execute();
    }

    private Condition enrolmentOf(LaunchedUser person) {
        return ENROLMENT
                .COURSE_ID
                .eq(db.select(COURSE.ID)
                        .from(COURSE)
                        .where(COURSE.ISSUER.eq(PLATFORM.issuer()), COURSE.CONTEXT_ID.eq(person.contextId()))
                        .fetchSingle(COURSE.ID))
                .and(ENROLMENT.USER_ID.eq(db.select(APP_USER.ID)
                        .from(APP_USER)
                        .where(APP_USER.ISSUER.eq(PLATFORM.issuer()), APP_USER.SUBJECT.eq(person.subject()))
                        .fetchSingle(APP_USER.ID)));
    }
}
