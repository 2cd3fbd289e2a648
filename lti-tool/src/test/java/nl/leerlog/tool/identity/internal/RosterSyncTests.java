package nl.leerlog.tool.identity.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.ENROLMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.leerlog.lti.claims.LtiClaims;
import nl.leerlog.lti.services.NamesRoleService;
import nl.leerlog.lti.services.ServiceCallException;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.schema.tables.records.CourseRecord;
import nl.leerlog.schema.tables.records.EnrolmentRecord;
import nl.leerlog.tool.TestDatabases;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Roster sync against a WireMock platform (token endpoint and NRPS 2.0), through real launches: a teacher's
 * launch reads the roster in the background, the schedule reads every course with a memberships URL, and
 * people who left the course become inactive without losing their rows. Each test uses a course of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lti.services.first-retry-delay=5ms")
class RosterSyncTests {

    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final TestPlatform PLATFORM = TestPlatform.start();

    @DynamicPropertySource
    static void platformAndDatabase(DynamicPropertyRegistry registry) {
        PLATFORM.properties(0).forEach((name, value) -> registry.add(name, () -> value));
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeAll
    static void grantTokens() {
        PLATFORM.server()
                .stubFor(post(urlEqualTo("/token"))
                        .willReturn(okJson(
                                "{\"access_token\":\"roster-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
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
    RosterSync rosterSync;

    /** A course of this test's own, with its NRPS endpoint on the platform. */
    private final String contextId = "course-" + UUID.randomUUID();

    private final String membershipsPath = "/api/lti/courses/" + contextId + "/names_and_roles";
    private final String people = UUID.randomUUID() + "-";

    @Test
    void teacherLaunchReadsTheRosterInTheBackground() {
        // The roster answers slowly: the launch must not wait for it.
        PLATFORM.server()
                .stubFor(get(urlPathEqualTo(membershipsPath))
                        .willReturn(roster(
                                        member("teacher", INSTRUCTOR, "Ahmed Yilmaz"),
                                        member("student-1", LEARNER, "Sanne de Vries"),
                                        member("student-2", LEARNER, null))
                                .withFixedDelay(1500)));

        HttpResponse<String> launch = launch("teacher", INSTRUCTOR);

        assertThat(launch.statusCode()).as(launch.body()).isEqualTo(200);
        long courseId = courseId();
        assertThat(activeSubjects(courseId))
                .as("right after the launch only the teacher is known")
                .containsExactly(id("teacher"));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(activeSubjects(courseId))
                        .containsExactlyInAnyOrder(id("teacher"), id("student-1"), id("student-2")));
        assertThat(db.select(APP_USER.DISPLAY_NAME)
                        .from(APP_USER)
                        .where(APP_USER.SUBJECT.eq(id("student-1")))
                        .fetchSingle(APP_USER.DISPLAY_NAME))
                .isEqualTo("Sanne de Vries");
        await().atMost(Duration.ofSeconds(5)).until(() -> course(courseId).getRosterSyncedAt() != null);
    }

    @Test
    void launchStoresTheCoursesMembershipsUrl() {
        launch("student-1", LEARNER);

        assertThat(course(courseId()).getMembershipsUrl())
                .isEqualTo(PLATFORM.server().baseUrl() + membershipsPath);
    }

    @Test
    void scheduledSyncReadsCoursesWhoseLaunchesGaveAMembershipsUrl() {
        PLATFORM.server()
                .stubFor(get(urlPathEqualTo(membershipsPath))
                        .willReturn(roster(member("teacher", INSTRUCTOR, null), member("student-1", LEARNER, null))));
        launch("student-1", LEARNER); // a student's launch stores the URL but reads nothing
        long courseId = courseId();

        rosterSync.run();

        assertThat(activeSubjects(courseId)).containsExactlyInAnyOrder(id("teacher"), id("student-1"));
        assertThat(course(courseId).getRosterSyncedAt()).isNotNull();
    }

    @Test
    void memberMissingFromTheSecondSyncBecomesInactiveAndKeepsTheirRow() {
        PLATFORM.server()
                .stubFor(get(urlPathEqualTo(membershipsPath))
                        .willReturn(roster(
                                member("teacher", INSTRUCTOR, null),
                                member("student-1", LEARNER, null),
                                member("student-2", LEARNER, "Noah Smith"))));
        launch("student-1", LEARNER);
        long courseId = courseId();
        assertThat(rosterSync.sync(courseId)).hasValue(new RosterChanges(3, 0, 0));

        PLATFORM.server()
                .stubFor(get(urlPathEqualTo(membershipsPath))
                        .willReturn(roster(member("teacher", INSTRUCTOR, null), member("student-1", LEARNER, null))));
        assertThat(rosterSync.sync(courseId)).hasValue(new RosterChanges(2, 1, 0));

        EnrolmentRecord left = enrolment(courseId, id("student-2"));
        assertThat(left.getActive()).isFalse();
        assertThat(left.getCourseRole()).isEqualTo("STUDENT");
        assertThat(activeSubjects(courseId)).containsExactlyInAnyOrder(id("teacher"), id("student-1"));
    }

    @Test
    void refusedRosterReadLeavesEnrolmentsAsTheyWere() {
        PLATFORM.server()
                .stubFor(get(urlPathEqualTo(membershipsPath))
                        .willReturn(aResponse().withStatus(403)));
        launch("student-1", LEARNER);
        long courseId = courseId();

        assertThatThrownBy(() -> rosterSync.sync(courseId)).isInstanceOfSatisfying(ServiceCallException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).contains(PLATFORM.issuer() + "#" + PLATFORM.clientId());
        });
        assertThat(activeSubjects(courseId)).containsExactly(id("student-1"));
        assertThat(course(courseId).getRosterSyncedAt()).isNull();
    }

    @Test
    void courseWithoutMembershipsUrlHasNothingToSync() {
        HttpResponse<String> launch = new LaunchClient("http://localhost:" + port)
                .fullLaunch(
                        PLATFORM,
                        claims -> claims.subject(id("student-1")).claim(LtiClaims.CONTEXT, Map.of("id", contextId)));
        assertThat(launch.statusCode()).isEqualTo(200);

        assertThat(rosterSync.sync(courseId())).isEmpty();
    }

    private HttpResponse<String> launch(String person, String role) {
        return new LaunchClient("http://localhost:" + port)
                .fullLaunch(
                        PLATFORM,
                        claims -> claims.subject(id(person))
                                .claim(LtiClaims.ROLES, List.of(role))
                                .claim(
                                        LtiClaims.CONTEXT,
                                        Map.of("id", contextId, "label", "STAGE", "title", "Stage 2026"))
                                .claim(
                                        LtiClaims.NAMES_ROLE_SERVICE,
                                        Map.of(
                                                "context_memberships_url",
                                                PLATFORM.server().baseUrl() + membershipsPath,
                                                "service_versions",
                                                List.of("2.0"))));
    }

    private String id(String person) {
        return people + person;
    }

    private String member(String person, String role, String name) {
        return "{\"user_id\":\"" + id(person) + "\",\"roles\":[\"" + role + "\"],\"status\":\"Active\""
                + (name == null ? "" : ",\"name\":\"" + name + "\"") + "}";
    }

    private ResponseDefinitionBuilder roster(String... members) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", NamesRoleService.MEMBERSHIP_CONTAINER)
                .withBody("{\"id\":\"" + PLATFORM.server().baseUrl() + membershipsPath + "\","
                        + "\"context\":{\"id\":\"" + contextId + "\"},"
                        + "\"members\":[" + Stream.of(members).collect(Collectors.joining(",")) + "]}");
    }

    private long courseId() {
        return db.select(COURSE.ID)
                .from(COURSE)
                .where(COURSE.CONTEXT_ID.eq(contextId))
                .fetchSingle(COURSE.ID);
    }

    private CourseRecord course(long courseId) {
        return db.fetchSingle(COURSE, COURSE.ID.eq(courseId));
    }

    private List<String> activeSubjects(long courseId) {
        return db.select(APP_USER.SUBJECT)
                .from(ENROLMENT)
                .join(APP_USER)
                .on(APP_USER.ID.eq(ENROLMENT.USER_ID))
                .where(ENROLMENT.COURSE_ID.eq(courseId), ENROLMENT.ACTIVE.isTrue())
                .fetch(APP_USER.SUBJECT);
    }

    private EnrolmentRecord enrolment(long courseId, String subject) {
        return db.select(ENROLMENT.fields())
                .from(ENROLMENT)
                .join(APP_USER)
                .on(APP_USER.ID.eq(ENROLMENT.USER_ID))
                .where(ENROLMENT.COURSE_ID.eq(courseId), APP_USER.SUBJECT.eq(subject))
                .fetchSingle()
                .into(ENROLMENT);
    }
}
