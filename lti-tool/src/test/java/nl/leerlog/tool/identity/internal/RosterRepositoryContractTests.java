package nl.leerlog.tool.identity.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.ENROLMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.leerlog.lti.services.MemberStatus;
import nl.leerlog.lti.services.Membership.Member;
import nl.leerlog.schema.tables.records.AppUserRecord;
import nl.leerlog.schema.tables.records.EnrolmentRecord;
import nl.leerlog.tool.identity.internal.RosterRepository.RosterSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What a roster read does to people and enrolments, proven on each database Leerlog runs on: the subclasses
 * only choose the datasource. Each test works in a course of its own.
 */
@SpringBootTest
abstract class RosterRepositoryContractTests {

    static final String ISSUER = "https://roster-lms.example.edu";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String MENTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor";
    static final String TEST_USER = "http://purl.imsglobal.org/vocab/lti/system/person#TestUser";

    @Autowired
    DSLContext db;

    @Autowired
    RosterRepository rosters;

    long courseId;
    RosterSource source;
    /** People are shared by every course of an issuer: each test names its own. */
    String people;

    @BeforeEach
    void newCourse() {
        people = UUID.randomUUID() + "-";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        courseId = db.insertInto(COURSE)
                .set(COURSE.ISSUER, ISSUER)
                .set(COURSE.CLIENT_ID, "client-1")
                .set(COURSE.DEPLOYMENT_ID, "deployment-1")
                .set(COURSE.CONTEXT_ID, "context-" + UUID.randomUUID())
                .set(COURSE.MEMBERSHIPS_URL, "https://roster-lms.example.edu/api/lti/courses/1/names_and_roles")
                .set(COURSE.CREATED_AT, now)
                .set(COURSE.UPDATED_AT, now)
                .returningResult(COURSE.ID)
                .fetchSingle(COURSE.ID);
        source = rosters.source(courseId).orElseThrow();
    }

    @Test
    void courseWithMembershipsUrlIsARosterSource() {
        assertThat(source.membershipsUrl())
                .hasToString("https://roster-lms.example.edu/api/lti/courses/1/names_and_roles");
        assertThat(source.issuer()).isEqualTo(ISSUER);
        assertThat(source.clientId()).isEqualTo("client-1");
        assertThat(source.lastSyncedAt()).isNull();
    }

    @Test
    void activeTeachersAndStudentsBecomePeopleWithActiveEnrolments() {
        RosterChanges changes = rosters.apply(
                source,
                List.of(
                        member("teacher-1", INSTRUCTOR, "Ahmed Yilmaz", "ahmed@school.example"),
                        member("student-1", LEARNER, null, null)),
                Instant.now());

        assertThat(changes).isEqualTo(new RosterChanges(2, 0, 0));
        AppUserRecord teacher = person("teacher-1");
        assertThat(teacher.getDisplayName()).isEqualTo("Ahmed Yilmaz");
        assertThat(teacher.getEmail()).isEqualTo("ahmed@school.example");
        assertThat(teacher.getLastLaunchAt()).as("never launched").isNull();
        assertThat(person("student-1").getDisplayName()).isNull();
        EnrolmentRecord teaching = enrolment("teacher-1");
        assertThat(teaching.getCourseRole()).isEqualTo("TEACHER");
        assertThat(teaching.getActive()).isTrue();
        assertThat(teaching.getRosterSeenAt()).isNotNull();
        assertThat(enrolment("student-1").getCourseRole()).isEqualTo("STUDENT");
    }

    @Test
    void observersAndPeopleWithoutCourseRoleAreSkipped() {
        RosterChanges changes = rosters.apply(
                source,
                List.of(
                        member("observer-1", MENTOR, "Els Jansen", null),
                        member(
                                "admin-1",
                                "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
                                null,
                                null),
                        member("student-1", "Learner", null, null)),
                Instant.now());

        assertThat(changes).isEqualTo(new RosterChanges(1, 0, 2));
        assertThat(db.fetchCount(
                        APP_USER, APP_USER.ISSUER.eq(ISSUER).and(APP_USER.SUBJECT.in(id("observer-1"), id("admin-1")))))
                .isZero();
        assertThat(enrolment("student-1").getCourseRole()).isEqualTo("STUDENT");
    }

    @Test
    void testStudentIsFlagged() {
        rosters.apply(
                source,
                List.of(new Member(
                        id("test-student"),
                        List.of(LEARNER, TEST_USER),
                        MemberStatus.ACTIVE,
                        "Test Student",
                        null,
                        null,
                        null)),
                Instant.now());

        assertThat(enrolment("test-student").getTestUser()).isTrue();
    }

    @Test
    void memberMissingFromTheNextReadBecomesInactiveAndKeepsTheirRow() {
        rosters.apply(
                source,
                List.of(
                        member("teacher-1", INSTRUCTOR, null, null),
                        member("student-1", LEARNER, null, null),
                        member("student-2", LEARNER, "Noah Smith", null)),
                Instant.now());

        RosterChanges second = rosters.apply(
                source,
                List.of(member("teacher-1", INSTRUCTOR, null, null), member("student-1", LEARNER, null, null)),
                Instant.now());

        assertThat(second).isEqualTo(new RosterChanges(2, 1, 0));
        assertThat(enrolment("student-2").getActive()).isFalse();
        assertThat(person("student-2").getDisplayName()).isEqualTo("Noah Smith");
        assertThat(enrolment("student-1").getActive()).isTrue();
    }

    @Test
    void anEmptyRosterSwitchesNobodyOff() {
        rosters.apply(
                source,
                List.of(member("teacher-1", INSTRUCTOR, null, null), member("student-1", LEARNER, null, null)),
                Instant.now());

        RosterChanges empty = rosters.apply(source, List.of(), Instant.now());

        assertThat(empty).isEqualTo(new RosterChanges(0, 0, 0));
        assertThat(enrolment("teacher-1").getActive()).isTrue();
        assertThat(enrolment("student-1").getActive()).isTrue();
    }

    @Test
    void memberListedAsInactiveOrDeletedBecomesInactive() {
        rosters.apply(
                source,
                List.of(member("student-1", LEARNER, null, null), member("student-2", LEARNER, null, null)),
                Instant.now());

        RosterChanges second = rosters.apply(
                source,
                List.of(
                        new Member(id("student-1"), List.of(LEARNER), MemberStatus.INACTIVE, null, null, null, null),
                        new Member(id("student-2"), List.of(LEARNER), MemberStatus.DELETED, null, null, null, null)),
                Instant.now());

        assertThat(second.deactivated()).isEqualTo(2);
        assertThat(enrolment("student-1").getActive()).isFalse();
        assertThat(enrolment("student-2").getActive()).isFalse();
    }

    @Test
    void inactiveMemberNeverSeenBeforeIsNotAdded() {
        rosters.apply(
                source,
                List.of(new Member(
                        id("dropped-1"), List.of(LEARNER), MemberStatus.INACTIVE, "Dropped", null, null, null)),
                Instant.now());

        assertThat(db.fetchCount(APP_USER, APP_USER.ISSUER.eq(ISSUER).and(APP_USER.SUBJECT.eq(id("dropped-1")))))
                .isZero();
    }

    @Test
    void memberWhoReturnsIsActiveAgain() {
        rosters.apply(source, List.of(member("student-1", LEARNER, null, null)), Instant.now());
        rosters.apply(source, List.of(), Instant.now());

        rosters.apply(source, List.of(member("student-1", LEARNER, null, null)), Instant.now());

        assertThat(enrolment("student-1").getActive()).isTrue();
    }

    @Test
    void enrolmentLaunchedAfterTheReadStartedStaysActive() {
        Instant readStartedAt = Instant.now().minus(Duration.ofSeconds(5));
        launched("new-student", readStartedAt.plusSeconds(2));
        launched("old-student", readStartedAt.minus(Duration.ofDays(1)));

        RosterChanges changes =
                rosters.apply(source, List.of(member("teacher-1", INSTRUCTOR, null, null)), readStartedAt);

        assertThat(changes.deactivated()).isEqualTo(1);
        assertThat(enrolment("new-student").getActive())
                .as("launched while the roster was read")
                .isTrue();
        assertThat(enrolment("old-student").getActive()).isFalse();
    }

    @Test
    void rosterWithoutNameOrEmailKeepsWhatALaunchGave() {
        launched("student-1", Instant.now().minus(Duration.ofDays(1)));

        rosters.apply(source, List.of(member("student-1", LEARNER, null, null)), Instant.now());

        assertThat(person("student-1").getDisplayName()).isEqualTo("Launched Person");
        assertThat(person("student-1").getEmail()).isEqualTo("launched@school.example");
        assertThat(person("student-1").getLastLaunchAt()).isNotNull();
    }

    @Test
    void rosterNameReplacesAnOlderName() {
        launched("student-1", Instant.now().minus(Duration.ofDays(1)));

        rosters.apply(
                source, List.of(member("student-1", LEARNER, "Sanne Jansen", "sanne@new.example")), Instant.now());

        assertThat(person("student-1").getDisplayName()).isEqualTo("Sanne Jansen");
        assertThat(person("student-1").getEmail()).isEqualTo("sanne@new.example");
    }

    @Test
    void memberWhoseIdNoColumnCanHoldIsSkipped() {
        RosterChanges changes = rosters.apply(
                source,
                List.of(member("x".repeat(256), LEARNER, null, null), member("nul\0id", LEARNER, null, null)),
                Instant.now());

        assertThat(changes).isEqualTo(new RosterChanges(0, 0, 2));
    }

    @Test
    void readIsRecordedOnTheCourseAndItLeavesTheListOfCoursesDue() {
        Instant before = Instant.now().plusSeconds(1);
        assertThat(rosters.sourcesNotSyncedSince(before))
                .extracting(RosterSource::courseId)
                .contains(courseId);

        rosters.apply(source, List.of(), Instant.now());

        assertThat(rosters.source(courseId).orElseThrow().lastSyncedAt()).isNotNull();
        assertThat(rosters.sourcesNotSyncedSince(Instant.now().minus(Duration.ofHours(1))))
                .extracting(RosterSource::courseId)
                .doesNotContain(courseId);
    }

    @Test
    void courseWithoutMembershipsUrlIsNoRosterSource() {
        db.update(COURSE)
                .setNull(COURSE.MEMBERSHIPS_URL)
                .where(COURSE.ID.eq(courseId))
                .execute();

        assertThat(rosters.source(courseId)).isEmpty();
        assertThat(rosters.sourcesNotSyncedSince(Instant.now().plusSeconds(1)))
                .extracting(RosterSource::courseId)
                .doesNotContain(courseId);
    }

    private String id(String name) {
        return people + name;
    }

    private Member member(String userId, String role, String name, String email) {
        return new Member(id(userId), List.of(role), MemberStatus.ACTIVE, name, null, null, email);
    }

    /** A student as a launch records them: with name, email and a launch time. */
    private void launched(String subject, Instant at) {
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        long userId = db.insertInto(APP_USER)
                .set(APP_USER.ISSUER, ISSUER)
                .set(APP_USER.SUBJECT, id(subject))
                .set(APP_USER.DISPLAY_NAME, "Launched Person")
                .set(APP_USER.EMAIL, "launched@school.example")
                .set(APP_USER.CREATED_AT, time)
                .set(APP_USER.LAST_LAUNCH_AT, time)
                .onConflict(APP_USER.ISSUER, APP_USER.SUBJECT)
                .doUpdate()
                .set(APP_USER.LAST_LAUNCH_AT, time)
                .returningResult(APP_USER.ID)
                .fetchSingle(APP_USER.ID);
        db.insertInto(ENROLMENT)
                .set(ENROLMENT.COURSE_ID, courseId)
                .set(ENROLMENT.USER_ID, userId)
                .set(ENROLMENT.COURSE_ROLE, "STUDENT")
                .set(ENROLMENT.LTI_ROLES, LEARNER)
                .set(ENROLMENT.ACTIVE, true)
                .set(ENROLMENT.CREATED_AT, time)
                .set(ENROLMENT.LAST_LAUNCH_AT, time)
                .execute();
    }

    private AppUserRecord person(String subject) {
        return db.fetchSingle(APP_USER, APP_USER.ISSUER.eq(ISSUER).and(APP_USER.SUBJECT.eq(id(subject))));
    }

    private EnrolmentRecord enrolment(String subject) {
        return db.fetchSingle(
                ENROLMENT,
                ENROLMENT
                        .COURSE_ID
                        .eq(courseId)
                        .and(ENROLMENT.USER_ID.eq(person(subject).getId())));
    }
}
