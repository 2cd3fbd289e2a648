package nl.leerlog.tool;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.ENROLMENT;
import static nl.leerlog.schema.Tables.LTI_DEPLOYMENT;
import static nl.leerlog.schema.Tables.LTI_LOGIN_STATE;
import static nl.leerlog.schema.Tables.LTI_REGISTRATION;
import static nl.leerlog.schema.Tables.LTI_SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import nl.leerlog.lti.claims.LaunchClaimsReader;
import nl.leerlog.lti.claims.LtiClaims;
import nl.leerlog.lti.claims.LtiLaunch;
import nl.leerlog.lti.login.LoginState;
import nl.leerlog.lti.login.LoginStateStore;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.lti.registration.PlatformRegistrations;
import nl.leerlog.lti.registration.RegistrationKey;
import nl.leerlog.lti.session.LtiSession;
import nl.leerlog.lti.session.LtiSessionStore;
import nl.leerlog.lti.session.SecureTokens;
import nl.leerlog.schema.DefaultSchema;
import nl.leerlog.schema.tables.records.AppUserRecord;
import nl.leerlog.schema.tables.records.CourseRecord;
import nl.leerlog.schema.tables.records.EnrolmentRecord;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.internal.CourseMembership;
import nl.leerlog.tool.identity.internal.CourseMembership.Membership;
import nl.leerlog.tool.registration.RegistrationDetails;
import nl.leerlog.tool.registration.RegistrationSource;
import nl.leerlog.tool.registration.RegistrationStatus;
import nl.leerlog.tool.registration.StoredRegistration;
import nl.leerlog.tool.registration.internal.RegistrationRepository;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What Leerlog's repositories promise, proven on each database it runs on: the subclasses only choose the
 * datasource. Every context has a database of its own (see {@link TestDatabases}); each test starts from
 * empty tables.
 */
@SpringBootTest(
        properties = {
            "lti.platforms[0].issuer=" + DatabaseContractTests.STATIC_ISSUER,
            "lti.platforms[0].client-id=" + DatabaseContractTests.STATIC_CLIENT,
            "lti.platforms[0].deployment-ids=static-deployment",
            "lti.platforms[0].authorization-uri=" + DatabaseContractTests.STATIC_ISSUER + "/authorize",
            "lti.platforms[0].jwk-set-uri=" + DatabaseContractTests.STATIC_ISSUER + "/jwks"
        })
abstract class DatabaseContractTests {

    static final String STATIC_ISSUER = "https://static-lms.example.edu";
    static final String STATIC_CLIENT = "static-client";
    private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    @Autowired
    DSLContext db;

    @Autowired
    Flyway flyway;

    @Autowired
    LoginStateStore loginStates;

    @Autowired
    LtiSessionStore sessions;

    @Autowired
    CourseMembership membership;

    @Autowired
    PlatformRegistrations registrations;

    @Autowired
    RegistrationRepository registrationRepository;

    @BeforeEach
    void emptyTables() {
        for (Table<?> table :
                List.of(ENROLMENT, COURSE, APP_USER, LTI_DEPLOYMENT, LTI_REGISTRATION, LTI_LOGIN_STATE, LTI_SESSION)) {
            db.deleteFrom(table).execute();
        }
        membership.forgetKnownCourses();
    }

    // Migrations

    @Test
    void flywayAppliesEveryMigrationAndLeavesNonePending() {
        MigrationInfo[] applied = flyway.info().applied();

        assertThat(applied)
                .isNotEmpty()
                .allSatisfy(migration -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void everyTableAndColumnOfTheJooqClassesExistsAfterMigration() {
        List<Table<?>> tables = DefaultSchema.DEFAULT_SCHEMA.getTables();

        assertThat(tables).isNotEmpty();
        for (Table<?> table : tables) {
            assertThatCode(() -> db.select(table.fields()).from(table).fetch())
                    .as("all columns of %s", table.getName())
                    .doesNotThrowAnyException();
        }
    }

    // Login states (Sec §5.1.1): shared by every instance and used once

    @Test
    void savedLoginStateIsFoundWithEveryField() {
        LoginState state = new LoginState(
                newToken(),
                newToken(),
                newToken(),
                new RegistrationKey(STATIC_ISSUER, STATIC_CLIENT),
                "https://leerlog.example.test/lti/launch",
                "_parent",
                "https://static-lms.example.edu",
                inTenMinutes());

        loginStates.save(state);

        assertThat(loginStates.find(state.state())).contains(state);
    }

    @Test
    void loginStateWithoutPlatformStorageKeepsItsStorageTargetEmpty() {
        LoginState state = loginState(inTenMinutes());

        loginStates.save(state);

        assertThat(loginStates.find(state.state()))
                .get()
                .extracting(LoginState::storageTarget)
                .isNull();
    }

    @Test
    void findingALoginStateDoesNotUseItUp() {
        LoginState state = loginState(inTenMinutes());
        loginStates.save(state);

        loginStates.find(state.state());

        assertThat(loginStates.consume(state.state())).contains(state);
    }

    @Test
    void loginStateCanBeConsumedOnlyOnce() {
        LoginState state = loginState(inTenMinutes());
        loginStates.save(state);

        Optional<LoginState> first = loginStates.consume(state.state());
        Optional<LoginState> second = loginStates.consume(state.state());

        assertThat(first).contains(state);
        assertThat(second).isEmpty();
        assertThat(loginStates.find(state.state())).isEmpty();
    }

    @Test
    void consumingAnUnknownLoginStateGivesNothing() {
        assertThat(loginStates.consume(newToken())).isEmpty();
    }

    @Test
    void loginStateThatNoDatabaseCouldHoldIsUnknown() {
        // The state comes straight from the launch request: whatever a browser sends must not break the lookup.
        for (String state : List.of("state\u0000with-nul", "x".repeat(5000), "ünïcödé ✓")) {
            assertThat(loginStates.find(state)).as(state).isEmpty();
            assertThat(loginStates.consume(state)).as(state).isEmpty();
        }
    }

    @Test
    void ofManyConcurrentConsumersOfOneLoginStateExactlyOneGetsIt() throws Exception {
        int consumers = 8;
        try (ExecutorService pool = Executors.newFixedThreadPool(consumers)) {
            for (int round = 0; round < 10; round++) {
                LoginState state = loginState(inTenMinutes());
                loginStates.save(state);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Optional<LoginState>>> results = new ArrayList<>();
                for (int i = 0; i < consumers; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return loginStates.consume(state.state());
                    }));
                }
                start.countDown();

                List<LoginState> winners = new ArrayList<>();
                for (Future<Optional<LoginState>> result : results) {
                    result.get(30, TimeUnit.SECONDS).ifPresent(winners::add);
                }
                assertThat(winners).as("round %d", round).containsExactly(state);
            }
        }
    }

    @Test
    void deletingExpiredLoginStatesKeepsTheLiveOnes() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LoginState expired = loginState(now.minusSeconds(1));
        LoginState expiringNow = loginState(now);
        LoginState live = loginState(now.plusSeconds(1));
        List.of(expired, expiringNow, live).forEach(loginStates::save);

        int removed = loginStates.deleteExpired(now);

        // Expired from its expiry moment on, as LoginState.isExpired decides.
        assertThat(removed).isEqualTo(2);
        assertThat(loginStates.find(expired.state())).isEmpty();
        assertThat(loginStates.find(expiringNow.state())).isEmpty();
        assertThat(loginStates.find(live.state())).contains(live);
    }

    // Launched sessions

    private static final String FRAMED_BY_LMS =
            "frame-ancestors 'self' https://lms.example.edu https://school.example.edu";

    @Test
    void savedSessionIsFoundWithItsClaimsAuthoritiesAndAttributes() {
        LtiSession session = new LtiSession(
                new RegistrationKey(STATIC_ISSUER, STATIC_CLIENT),
                "{\"sub\":\"user-1\",\"name\":\"Sanne de Vries\"}",
                List.of("ROLE_STUDENT", "LTI_ROLE_" + LEARNER),
                Map.of("userId", "42", "courseTitle", "Stage \"Zorg & Welzijn\" – 2026 ë", "empty", ""),
                newToken(),
                FRAMED_BY_LMS,
                inEightHours().minus(Duration.ofHours(8)),
                inEightHours());
        String hash = newToken();

        sessions.save(hash, session);

        assertThat(sessions.find(hash)).contains(session);
    }

    @Test
    void sessionWithoutAuthoritiesOrAttributesComesBackEmpty() {
        LtiSession session = new LtiSession(
                new RegistrationKey(STATIC_ISSUER, STATIC_CLIENT),
                "{}",
                List.of(),
                Map.of(),
                newToken(),
                FRAMED_BY_LMS,
                inEightHours().minus(Duration.ofHours(8)),
                inEightHours());
        String hash = newToken();

        sessions.save(hash, session);

        assertThat(sessions.find(hash)).get().satisfies(found -> {
            assertThat(found.authorities()).isEmpty();
            assertThat(found.attributes()).isEmpty();
        });
    }

    @Test
    void unknownSessionIsNotFound() {
        assertThat(sessions.find(newToken())).isEmpty();
    }

    @Test
    void touchingASessionMovesOnlyItsExpiry() {
        LtiSession session = session(inEightHours());
        String hash = newToken();
        sessions.save(hash, session);
        Instant later = session.expiresAt().plus(Duration.ofHours(1));

        sessions.touch(hash, later);

        assertThat(sessions.find(hash)).get().satisfies(found -> {
            assertThat(found.expiresAt()).isEqualTo(later);
            assertThat(found)
                    .usingRecursiveComparison()
                    .ignoringFields("expiresAt")
                    .isEqualTo(session);
        });
    }

    @Test
    void deletedSessionIsGoneAndOthersStay() {
        String deleted = newToken();
        String kept = newToken();
        sessions.save(deleted, session(inEightHours()));
        sessions.save(kept, session(inEightHours()));

        sessions.delete(deleted);

        assertThat(sessions.find(deleted)).isEmpty();
        assertThat(sessions.find(kept)).isPresent();
    }

    @Test
    void deletingExpiredSessionsKeepsTheLiveOnes() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String expired = newToken();
        String expiringNow = newToken();
        String live = newToken();
        sessions.save(expired, session(now.minusSeconds(1)));
        sessions.save(expiringNow, session(now));
        sessions.save(live, session(now.plusSeconds(1)));

        int removed = sessions.deleteExpired(now);

        assertThat(removed).isEqualTo(2);
        assertThat(sessions.find(expired)).isEmpty();
        assertThat(sessions.find(expiringNow)).isEmpty();
        assertThat(sessions.find(live)).isPresent();
    }

    // Courses, people and enrolments as launches tell them

    @Test
    void firstLaunchRecordsCoursePersonAndEnrolment() {
        LtiLaunch launch = launch(claims("user-1", LEARNER));

        Membership member = membership.record(launch, CourseRole.STUDENT, false);

        CourseRecord course = db.fetchSingle(COURSE, COURSE.ID.eq(member.courseId()));
        assertThat(course.getIssuer()).isEqualTo(launch.issuer());
        assertThat(course.getClientId()).isEqualTo(launch.clientId());
        assertThat(course.getDeploymentId()).isEqualTo("deployment-1");
        assertThat(course.getContextId()).isEqualTo("course-101");
        assertThat(course.getTitle()).isEqualTo("Stage 2026");
        assertThat(course.getLabel()).isEqualTo("STAGE");
        assertThat(member.courseTitle()).isEqualTo("Stage 2026");

        AppUserRecord user = db.fetchSingle(APP_USER, APP_USER.ID.eq(member.userId()));
        assertThat(user.getIssuer()).isEqualTo(launch.issuer());
        assertThat(user.getSubject()).isEqualTo("user-1");
        assertThat(user.getDisplayName()).isEqualTo("Sanne de Vries");
        assertThat(user.getEmail()).isEqualTo("sanne@example.edu");
        assertThat(user.getLocale()).isEqualTo("nl");

        EnrolmentRecord enrolment = enrolment(member);
        assertThat(enrolment.getCourseRole()).isEqualTo("STUDENT");
        assertThat(enrolment.getTestUser()).isFalse();
        assertThat(enrolment.getLtiRoles()).isEqualTo(LEARNER);
        assertThat(enrolment.getActive()).isTrue();
        assertThat(membership.role(member.courseId(), member.userId())).contains(CourseRole.STUDENT);
    }

    @Test
    void secondLaunchKeepsTheIdsAndUpdatesCourseAndRole() {
        Membership first = membership.record(launch(claims("user-1", INSTRUCTOR)), CourseRole.TEACHER, false);

        Membership second = membership.record(
                launch(claims("user-1", LEARNER)
                        .claim(LtiClaims.CONTEXT, context("course-101", "Stage 2026-2027", "STAGE-2"))
                        .claim("name", "Sanne Jansen")),
                CourseRole.STUDENT,
                true);

        assertThat(second.courseId()).isEqualTo(first.courseId());
        assertThat(second.userId()).isEqualTo(first.userId());
        assertThat(second.courseTitle()).isEqualTo("Stage 2026-2027");
        CourseRecord course = db.fetchSingle(COURSE, COURSE.ID.eq(first.courseId()));
        assertThat(course.getTitle()).isEqualTo("Stage 2026-2027");
        assertThat(course.getLabel()).isEqualTo("STAGE-2");
        assertThat(db.fetchSingle(APP_USER, APP_USER.ID.eq(first.userId())).getDisplayName())
                .isEqualTo("Sanne Jansen");
        EnrolmentRecord enrolment = enrolment(second);
        assertThat(enrolment.getCourseRole()).isEqualTo("STUDENT");
        assertThat(enrolment.getLtiRoles()).isEqualTo(LEARNER);
        assertThat(enrolment.getTestUser()).isTrue();
        assertThat(membership.role(first.courseId(), first.userId())).contains(CourseRole.STUDENT);
        assertThat(db.fetchCount(COURSE)).isEqualTo(1);
        assertThat(db.fetchCount(APP_USER)).isEqualTo(1);
        assertThat(db.fetchCount(ENROLMENT)).isEqualTo(1);
    }

    @Test
    void laterLaunchWithoutPersonalDataKeepsNoneOfTheEarlierData() {
        Membership first = membership.record(launch(claims("user-1", LEARNER)), CourseRole.STUDENT, false);

        membership.record(
                launch(claims("user-1", LEARNER)
                        .claim("name", null)
                        .claim("given_name", null)
                        .claim("family_name", null)
                        .claim("email", null)
                        .claim("locale", null)),
                CourseRole.STUDENT,
                false);

        AppUserRecord user = db.fetchSingle(APP_USER, APP_USER.ID.eq(first.userId()));
        assertThat(user.getDisplayName()).isNull();
        assertThat(user.getEmail()).isNull();
        assertThat(user.getLocale()).isNull();
    }

    @Test
    void twoPeopleLaunchingOneCourseShareItWithAnEnrolmentEach() {
        Membership teacher = membership.record(launch(claims("teacher-1", INSTRUCTOR)), CourseRole.TEACHER, false);
        Membership student = membership.record(launch(claims("student-1", LEARNER)), CourseRole.STUDENT, false);

        assertThat(student.courseId()).isEqualTo(teacher.courseId());
        assertThat(student.userId()).isNotEqualTo(teacher.userId());
        assertThat(membership.role(teacher.courseId(), teacher.userId())).contains(CourseRole.TEACHER);
        assertThat(membership.role(student.courseId(), student.userId())).contains(CourseRole.STUDENT);
        assertThat(db.fetchCount(ENROLMENT, ENROLMENT.COURSE_ID.eq(teacher.courseId())))
                .isEqualTo(2);
    }

    @Test
    void launchWithoutContextIsRecordedAsACourseOfItsResourceLink() {
        Consumer<JWTClaimsSet.Builder> withoutContext = claims -> claims.claim(LtiClaims.CONTEXT, null)
                .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "link-7", "title", "Leerlog in a module"));

        JWTClaimsSet.Builder first = claims("user-1", LEARNER);
        withoutContext.accept(first);
        Membership member = membership.record(launch(first), CourseRole.STUDENT, false);
        JWTClaimsSet.Builder again = claims("user-2", LEARNER);
        withoutContext.accept(again);
        Membership other = membership.record(launch(again), CourseRole.STUDENT, false);

        CourseRecord course = db.fetchSingle(COURSE, COURSE.ID.eq(member.courseId()));
        assertThat(course.getContextId()).isEqualTo("link:link-7");
        assertThat(course.getTitle()).isEqualTo("Leerlog in a module");
        assertThat(course.getLabel()).isNull();
        assertThat(member.courseTitle()).isEqualTo("Leerlog in a module");
        assertThat(other.courseId()).isEqualTo(member.courseId());
    }

    @Test
    void launchWithoutContextFromALinkWithTheLongestIdIsRecorded() {
        // Core §5.3.5: a resource link id has at most 255 ASCII characters; the course key adds a prefix to it.
        String longestLinkId = "r".repeat(255);
        JWTClaimsSet.Builder claims = claims("user-1", LEARNER)
                .claim(LtiClaims.CONTEXT, null)
                .claim(LtiClaims.RESOURCE_LINK, Map.of("id", longestLinkId));

        Membership member = membership.record(launch(claims), CourseRole.STUDENT, false);

        assertThat(db.fetchSingle(COURSE, COURSE.ID.eq(member.courseId())).getContextId())
                .isEqualTo("link:" + longestLinkId);
    }

    @Test
    void launchWithTheLongestIdsTheSpecificationAllowsIsRecorded() {
        // Core §5.3.3, §5.3.6, §5.4.1: deployment id, sub and context id have at most 255 ASCII characters.
        JWTClaimsSet.Builder claims = claims("s".repeat(255), LEARNER)
                .claim(LtiClaims.DEPLOYMENT_ID, "d".repeat(255))
                .claim(LtiClaims.CONTEXT, context("c".repeat(255), "Stage 2026", "STAGE"));

        Membership member = membership.record(launch(claims), CourseRole.STUDENT, false);

        assertThat(membership.role(member.courseId(), member.userId())).contains(CourseRole.STUDENT);
    }

    @Test
    void oneContextIdInAnotherDeploymentIsAnotherCourse() {
        Membership inFirst = membership.record(launch(claims("user-1", LEARNER)), CourseRole.STUDENT, false);
        Membership inSecond = membership.record(
                launch(claims("user-1", LEARNER).claim(LtiClaims.DEPLOYMENT_ID, "deployment-2")),
                CourseRole.STUDENT,
                false);

        assertThat(inSecond.courseId()).isNotEqualTo(inFirst.courseId());
        assertThat(inSecond.userId()).isEqualTo(inFirst.userId());
    }

    // Platform registrations: properties first, then active database rows

    @Test
    void databaseRegistrationIsReadWithAllItsDeployments() {
        String issuer = "https://canvas.example.edu";
        registration(issuer, "client-a", true, "RS256, ES256", "deployment-1", "deployment-2", "deployment-3");

        Optional<PlatformRegistration> found = registrations.find(issuer, "client-a");

        assertThat(found).get().satisfies(registration -> {
            assertThat(registration.issuer()).isEqualTo(issuer);
            assertThat(registration.clientId()).isEqualTo("client-a");
            assertThat(registration.deploymentIds())
                    .containsExactlyInAnyOrder("deployment-1", "deployment-2", "deployment-3");
            assertThat(registration.authorizationUri()).isEqualTo(URI.create(issuer + "/api/lti/authorize_redirect"));
            assertThat(registration.jwkSetUri()).isEqualTo(URI.create(issuer + "/api/lti/security/jwks"));
            assertThat(registration.tokenUri()).isEqualTo(URI.create(issuer + "/login/oauth2/token"));
            assertThat(registration.algorithms()).containsExactlyInAnyOrder(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
            assertThat(registration.id()).isEqualTo(new RegistrationKey(issuer, "client-a"));
        });
    }

    @Test
    void databaseRegistrationWithoutDeploymentsHasNone() {
        registration("https://canvas.example.edu", "client-a", true, "RS256");

        assertThat(registrations.find("https://canvas.example.edu", "client-a"))
                .get()
                .extracting(PlatformRegistration::deploymentIds)
                .isEqualTo(Set.of());
    }

    @Test
    void inactiveDatabaseRegistrationIsIgnored() {
        String issuer = "https://moodle.example.edu";
        registration(issuer, "retired", false, "RS256", "deployment-1");

        assertThat(registrations.find(issuer, "retired")).isEmpty();
        assertThat(registrations.findByIssuer(issuer)).isEmpty();
        assertThat(registrations.all())
                .extracting(PlatformRegistration::clientId)
                .doesNotContain("retired");
    }

    @Test
    void twoRegistrationsOfOneIssuerAreKeptApart() {
        // Canvas uses one issuer for every school: issuer + client id is the key.
        String issuer = "https://canvas.instructure.com";
        registration(issuer, "school-a", true, "RS256", "a-1", "a-2");
        registration(issuer, "school-b", true, "RS256", "b-1");

        assertThat(registrations.find(issuer, "school-a"))
                .get()
                .extracting(PlatformRegistration::deploymentIds)
                .isEqualTo(Set.of("a-1", "a-2"));
        assertThat(registrations.find(issuer, "school-b"))
                .get()
                .extracting(PlatformRegistration::deploymentIds)
                .isEqualTo(Set.of("b-1"));
        assertThat(registrations.findByIssuer(issuer))
                .extracting(PlatformRegistration::clientId)
                .containsExactlyInAnyOrder("school-a", "school-b");
    }

    @Test
    void registrationThatNoDatabaseCouldHoldIsUnknown() {
        // Issuer and client id come straight from the login request (Sec §5.1.1).
        for (String issuer : List.of("https://lms.example.edu\u0000", "https://" + "x".repeat(5000))) {
            assertThat(registrations.find(issuer, "client\u0000")).as(issuer).isEmpty();
            assertThat(registrations.find(issuer, STATIC_CLIENT)).as(issuer).isEmpty();
            assertThat(registrations.findByIssuer(issuer)).as(issuer).isEmpty();
        }
    }

    @Test
    void registrationsFromPropertiesComeBeforeThoseInTheDatabase() {
        registration(STATIC_ISSUER, "dynamic-client", true, "RS256", "dynamic-deployment");

        assertThat(registrations.findByIssuer(STATIC_ISSUER))
                .extracting(PlatformRegistration::clientId)
                .containsExactly(STATIC_CLIENT, "dynamic-client");
        List<String> all =
                registrations.all().stream().map(PlatformRegistration::clientId).toList();
        assertThat(all.getFirst()).isEqualTo(STATIC_CLIENT);
        assertThat(all).contains("dynamic-client");
    }

    @Test
    void registrationFromPropertiesWinsOverADatabaseRowWithTheSameKey() {
        registration(STATIC_ISSUER, STATIC_CLIENT, true, "RS256", "database-deployment");

        assertThat(registrations.find(STATIC_ISSUER, STATIC_CLIENT))
                .get()
                .extracting(PlatformRegistration::deploymentIds)
                .isEqualTo(Set.of("static-deployment"));
    }

    @Test
    void aRegistrationInPropertiesAndInTheDatabaseIsListedOnce() {
        registration(STATIC_ISSUER, STATIC_CLIENT, true, "RS256", "database-deployment");

        assertThat(registrations.findByIssuer(STATIC_ISSUER))
                .singleElement()
                .extracting(PlatformRegistration::deploymentIds)
                .isEqualTo(Set.of("static-deployment"));
        assertThat(registrations.all()).extracting(PlatformRegistration::id).doesNotHaveDuplicates();
    }

    @Test
    void overlongFreeTextFromALaunchIsCutToFitInsteadOfFailingTheLaunch() {
        String title = "Stage ".repeat(200);
        String name = "N\u0000" + "a".repeat(400);
        Membership member = membership.record(
                launch(claims("user-long", LEARNER)
                        .claim(LtiClaims.CONTEXT, context("course-long", title, "L".repeat(300)))
                        .claim("name", name)),
                CourseRole.STUDENT,
                false);

        CourseRecord course = db.fetchSingle(COURSE, COURSE.ID.eq(member.courseId()));
        assertThat(course.getTitle()).hasSize(500).isEqualTo(title.substring(0, 500));
        assertThat(course.getLabel()).hasSize(255);
        AppUserRecord user = db.fetchSingle(APP_USER, APP_USER.ID.eq(member.userId()));
        assertThat(user.getDisplayName()).hasSize(255).startsWith("Na").doesNotContain("\u0000");
    }

    @Test
    void registrationRepositoryKeepsWhatAdminsManage() {
        RegistrationDetails details = new RegistrationDetails(
                "https://moodle.example.edu",
                "moodle-client",
                URI.create("https://moodle.example.edu/auth"),
                URI.create("https://moodle.example.edu/certs"),
                URI.create("https://moodle.example.edu/token"),
                Set.of("RS256", "ES256"),
                "Moodle",
                Duration.ofSeconds(90),
                "public");
        long id = registrationRepository.create(
                details, RegistrationStatus.PENDING, RegistrationSource.DYNAMIC, Set.of("1"));

        assertThat(registrations.find("https://moodle.example.edu", "moodle-client"))
                .as("pending never launches")
                .isEmpty();
        StoredRegistration stored = registrationRepository.findById(id).orElseThrow();
        assertThat(stored.details()).isEqualTo(details);
        assertThat(stored.status()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(stored.source()).isEqualTo(RegistrationSource.DYNAMIC);
        assertThat(stored.deploymentIds()).containsExactly("1");

        registrationRepository.setStatus(id, RegistrationStatus.ACTIVE);
        registrationRepository.addDeployment(id, "2");
        registrationRepository.addDeployment(id, "2");
        assertThat(registrations.find("https://moodle.example.edu", "moodle-client"))
                .get()
                .satisfies(active -> {
                    assertThat(active.deploymentIds()).containsExactlyInAnyOrder("1", "2");
                    assertThat(active.clockSkew()).isEqualTo(Duration.ofSeconds(90));
                });

        registrationRepository.update(
                id,
                new RegistrationDetails(
                        "ignored",
                        "ignored",
                        details.authorizationUri(),
                        details.jwkSetUri(),
                        null,
                        Set.of(),
                        "Moodle 5",
                        null,
                        null));
        registrationRepository.removeDeployment(id, "1");
        StoredRegistration changed = registrationRepository
                .find("https://moodle.example.edu", "moodle-client")
                .orElseThrow();
        assertThat(changed.details().platformName()).isEqualTo("Moodle 5");
        assertThat(changed.details().tokenUri()).isNull();
        assertThat(changed.details().algorithms()).containsExactly("RS256");
        assertThat(changed.deploymentIds()).containsExactly("2");
        assertThat(registrationRepository.list())
                .extracting(StoredRegistration::id)
                .contains(id);

        assertThat(registrationRepository.delete(id)).isTrue();
        assertThat(registrationRepository.findById(id)).isEmpty();
        assertThat(db.fetchCount(LTI_DEPLOYMENT, LTI_DEPLOYMENT.REGISTRATION_ID.eq(id)))
                .isZero();
    }

    // Helpers

    private static String newToken() {
        return SecureTokens.random();
    }

    private static Instant inTenMinutes() {
        return Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant inEightHours() {
        return Instant.now().plus(Duration.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static LoginState loginState(Instant expiresAt) {
        return new LoginState(
                newToken(),
                newToken(),
                newToken(),
                new RegistrationKey(STATIC_ISSUER, STATIC_CLIENT),
                "https://leerlog.example.test/lti/launch",
                null,
                STATIC_ISSUER,
                expiresAt);
    }

    private static LtiSession session(Instant expiresAt) {
        return new LtiSession(
                new RegistrationKey(STATIC_ISSUER, STATIC_CLIENT),
                "{\"sub\":\"user-1\"}",
                List.of("ROLE_STUDENT"),
                Map.of("userId", "1"),
                newToken(),
                FRAMED_BY_LMS,
                expiresAt.minus(Duration.ofHours(8)),
                expiresAt);
    }

    /** The claims of a student's launch in course-101 of deployment-1, for a test to change. */
    private static JWTClaimsSet.Builder claims(String subject, String role) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("https://lms.example.edu")
                .subject(subject)
                .audience("leerlog-client")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("name", "Sanne de Vries")
                .claim("email", "sanne@example.edu")
                .claim("locale", "nl")
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
                .claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION)
                .claim(LtiClaims.DEPLOYMENT_ID, "deployment-1")
                .claim(LtiClaims.TARGET_LINK_URI, "https://leerlog.example.test/lti/launch")
                .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "link-1", "title", "Leerlog"))
                .claim(LtiClaims.CONTEXT, context("course-101", "Stage 2026", "STAGE"))
                .claim(LtiClaims.ROLES, List.of(role));
    }

    private static Map<String, Object> context(String id, String title, String label) {
        return Map.of("id", id, "title", title, "label", label);
    }

    private static LtiLaunch launch(JWTClaimsSet.Builder claims) {
        return LaunchClaimsReader.read(
                new RegistrationKey("https://lms.example.edu", "leerlog-client"), claims.build());
    }

    private EnrolmentRecord enrolment(Membership member) {
        return db.fetchSingle(
                ENROLMENT, ENROLMENT.COURSE_ID.eq(member.courseId()), ENROLMENT.USER_ID.eq(member.userId()));
    }

    private void registration(
            String issuer, String clientId, boolean active, String algorithms, String... deployments) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long id = db.insertInto(LTI_REGISTRATION)
                .set(LTI_REGISTRATION.ISSUER, issuer)
                .set(LTI_REGISTRATION.CLIENT_ID, clientId)
                .set(LTI_REGISTRATION.AUTHORIZATION_URI, issuer + "/api/lti/authorize_redirect")
                .set(LTI_REGISTRATION.JWK_SET_URI, issuer + "/api/lti/security/jwks")
                .set(LTI_REGISTRATION.TOKEN_URI, issuer + "/login/oauth2/token")
                .set(LTI_REGISTRATION.ALGORITHMS, algorithms)
                .set(LTI_REGISTRATION.STATUS, active ? "ACTIVE" : "DISABLED")
                .set(LTI_REGISTRATION.CREATED_AT, now)
                .returningResult(LTI_REGISTRATION.ID)
                .fetchSingle(LTI_REGISTRATION.ID);
        for (String deployment : deployments) {
            db.insertInto(LTI_DEPLOYMENT)
                    .set(LTI_DEPLOYMENT.REGISTRATION_ID, id)
                    .set(LTI_DEPLOYMENT.DEPLOYMENT_ID, deployment)
                    .set(LTI_DEPLOYMENT.CREATED_AT, now)
                    .execute();
        }
    }
}
