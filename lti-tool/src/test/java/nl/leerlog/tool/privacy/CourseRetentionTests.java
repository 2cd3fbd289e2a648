package nl.leerlog.tool.privacy;

import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.COURSE_PURGE;
import static nl.leerlog.schema.Tables.ENROLMENT;
import static nl.leerlog.schema.Tables.EVIDENCE;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.CourseRecords;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.registration.RetentionPeriods;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Course retention with a fixed clock: a course a year past its last activity is listed in the dry-run report and
 * nothing goes; it is purged, with everything in it, once the report has shown it for the notice period, or at once
 * when an admin confirmed it; a course launched again leaves the report.
 */
class CourseRetentionTests extends LaunchedCourseTests {

    static final Duration YEAR = Duration.ofDays(365);
    static final Duration NOTICE = Duration.ofDays(14);

    @Autowired
    CourseRecords courses;

    @Autowired
    RetentionPeriods periods;

    @Autowired
    List<ErasableRecords> features;

    Instant today;
    long course;
    long otherCourse;
    Owner owner;

    @BeforeEach
    void aCourseWhoseLastLaunchWasOverAYearAgo() {
        today = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        CourseUsers users = launchCourse();
        owner = ownerOf(users.student());
        course = owner.courseId();
        otherCourse = courseIdOf(users.otherStudent());
        long moment = rows().moment(owner, "Reading corner");
        rows().evidence(owner, moment, "corner.gif", "image/gif", "GIF89a".getBytes(StandardCharsets.US_ASCII));
        lastActivity(course, today.minus(YEAR).minus(Duration.ofDays(30)));
    }

    @Test
    void theReportListsTheCourseFirstAndThePurgeWaitsForTheNoticePeriod() {
        CourseRetention retention = at(today);
        retention.purgeDue();
        assertThat(db.fetchExists(COURSE, COURSE.ID.eq(course)))
                .as("only just listed")
                .isTrue();
        assertThat(retention.report())
                .filteredOn(due -> due.courseId() == course)
                .singleElement()
                .satisfies(due -> {
                    assertThat(due.members()).isEqualTo(2);
                    assertThat(due.dueAt().toInstant()).isEqualTo(today.minus(Duration.ofDays(30)));
                    assertThat(due.purgeFrom().toInstant()).isEqualTo(today.plus(NOTICE));
                });
        assertThat(retention.report()).noneMatch(due -> due.courseId() == otherCourse);
        assertThat(db.fetchExists(COURSE, COURSE.ID.eq(course))).isTrue();

        at(today.plus(NOTICE).minusSeconds(60)).purgeDue();
        assertThat(db.fetchExists(COURSE, COURSE.ID.eq(course)))
                .as("a minute before")
                .isTrue();
        assertThat(at(today.plus(NOTICE)).purgeDue()).isPositive();

        assertThat(db.fetchExists(COURSE, COURSE.ID.eq(course))).isFalse();
        assertThat(db.fetchCount(LEARNING_MOMENT, LEARNING_MOMENT.COURSE_ID.eq(course)))
                .isZero();
        assertThat(db.fetchCount(EVIDENCE, EVIDENCE.COURSE_ID.eq(course))).isZero();
        assertThat(db.fetchCount(ENROLMENT, ENROLMENT.COURSE_ID.eq(course))).isZero();
        assertThat(db.fetchExists(COURSE, COURSE.ID.eq(otherCourse)))
                .as("a course in use stays")
                .isTrue();
    }

    @Test
    void anAdminsConfirmationPurgesAtTheNextRun() {
        CourseRetention retention = at(today);
        retention.refresh();
        assertThat(retention.confirm(course, "admin")).isTrue();
        assertThat(retention.confirm(otherCourse, "admin"))
                .as("not in the report")
                .isFalse();

        assertThat(retention.purgeDue()).isPositive();
        assertThat(db.fetchExists(COURSE, COURSE.ID.eq(course))).isFalse();
    }

    @Test
    void aCourseLaunchedAgainLeavesTheReport() {
        CourseRetention retention = at(today);
        retention.refresh();
        assertThat(db.fetchExists(COURSE_PURGE, COURSE_PURGE.COURSE_ID.eq(course)))
                .isTrue();

        lastActivity(course, today.minus(Duration.ofDays(2)));
        at(today.plus(NOTICE)).purgeDue();
        assertThat(retention.report()).noneMatch(due -> due.courseId() == course);
        assertThat(db.fetchExists(COURSE, COURSE.ID.eq(course))).isTrue();
    }

    private CourseRetention at(Instant now) {
        return new CourseRetention(db, courses, periods, features, Clock.fixed(now, ZoneOffset.UTC), YEAR, NOTICE);
    }

    private void lastActivity(long courseId, Instant at) {
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        db.update(ENROLMENT)
                .set(ENROLMENT.LAST_LAUNCH_AT, when)
                .where(ENROLMENT.COURSE_ID.eq(courseId))
                .execute();
        db.update(COURSE)
                .set(COURSE.UPDATED_AT, when)
                .where(COURSE.ID.eq(courseId))
                .execute();
    }
}
