package nl.leerlog.tool.privacy;

import static nl.leerlog.schema.Tables.COURSE_PURGE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.leerlog.lti.registration.RegistrationKey;
import nl.leerlog.tool.identity.CourseRecords;
import nl.leerlog.tool.identity.CourseRecords.CourseActivity;
import nl.leerlog.tool.registration.RetentionPeriods;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Course retention (GDPR art. 5(1)(e)): a course is kept for its registration's retention period after its last
 * activity ({@code leerlog.privacy.course-retention}, one year, unless the registration sets its own). A course past
 * it is listed in a dry-run report first, with what would go; it is purged once the report has shown it for {@code
 * leerlog.privacy.course-purge-notice}, or as soon as an admin confirms it. A course that is launched again leaves
 * the report. Purging erases each feature's files of the course, then the course with every row in it.
 */
@Service
public class CourseRetention {

    private static final Logger log = LoggerFactory.getLogger(CourseRetention.class);

    private final DSLContext db;
    private final CourseRecords courses;
    private final RetentionPeriods periods;
    private final List<ErasableRecords> features;
    private final Clock clock;
    private final Duration retention;
    private final Duration notice;

    CourseRetention(
            DSLContext db,
            CourseRecords courses,
            RetentionPeriods periods,
            List<ErasableRecords> features,
            Clock clock,
            @Value("${leerlog.privacy.course-retention:P365D}") Duration retention,
            @Value("${leerlog.privacy.course-purge-notice:P14D}") Duration notice) {
        this.db = db;
        this.courses = courses;
        this.periods = periods;
        this.features = features;
        this.clock = clock;
        this.retention = retention;
        this.notice = notice;
    }

    /**
     * A course of the report: its last activity, when its retention period ended, when the report first listed it,
     * from when it is purged without a confirmation, and who confirmed it, if anyone did.
     */
    public record DueCourse(
            long courseId,
            String title,
            int members,
            OffsetDateTime lastActivity,
            OffsetDateTime dueAt,
            OffsetDateTime reportedAt,
            OffsetDateTime purgeFrom,
            OffsetDateTime confirmedAt,
            String confirmedBy) {}

    /** The dry-run report: every course past its retention period, the longest due first; nothing is purged. */
    public List<DueCourse> report() {
        Map<Long, CourseActivity> activity =
                courses.activity().stream().collect(Collectors.toMap(CourseActivity::courseId, Function.identity()));
        return db.selectFrom(COURSE_PURGE).orderBy(COURSE_PURGE.DUE_AT, COURSE_PURGE.COURSE_ID).fetch().stream()
                .filter(row -> activity.containsKey(row.getCourseId()))
                .map(row -> {
                    CourseActivity course = activity.get(row.getCourseId());
                    return new DueCourse(
                            row.getCourseId(),
                            course.title(),
                            course.members(),
                            row.getLastActivityAt(),
                            row.getDueAt(),
                            row.getReportedAt(),
                            row.getReportedAt().plus(notice),
                            row.getConfirmedAt(),
                            row.getConfirmedBy());
                })
                .toList();
    }

    /** Brings the report up to date: lists the courses now past their period, drops those active again. */
    public int refresh() {
        OffsetDateTime now = now();
        Map<RegistrationKey, Duration> own = periods.own();
        int listed = 0;
        for (CourseActivity course : courses.activity()) {
            OffsetDateTime due = course.lastActivity().plus(own.getOrDefault(course.registration(), retention));
            if (due.isAfter(now)) {
                db.deleteFrom(COURSE_PURGE)
                        .where(COURSE_PURGE.COURSE_ID.eq(course.courseId()))
                        .execute();
                continue;
            }
            listed++;
            int updated = db.update(COURSE_PURGE)
                    .set(COURSE_PURGE.LAST_ACTIVITY_AT, course.lastActivity())
                    .set(COURSE_PURGE.DUE_AT, due)
                    .where(COURSE_PURGE.COURSE_ID.eq(course.courseId()))
                    .execute();
            if (updated == 0) {
                db.insertInto(COURSE_PURGE)
                        .set(COURSE_PURGE.COURSE_ID, course.courseId())
                        .set(COURSE_PURGE.LAST_ACTIVITY_AT, course.lastActivity())
                        .set(COURSE_PURGE.DUE_AT, due)
                        .set(COURSE_PURGE.REPORTED_AT, now)
                        .onDuplicateKeyIgnore()
                        .execute();
            }
        }
        return listed;
    }

    /** An admin confirms the purge of a course the report lists; false if it lists no such course. */
    public boolean confirm(long courseId, String admin) {
        return db.update(COURSE_PURGE)
                        .set(COURSE_PURGE.CONFIRMED_AT, now())
                        .set(COURSE_PURGE.CONFIRMED_BY, admin.length() > 200 ? admin.substring(0, 200) : admin)
                        .where(COURSE_PURGE.COURSE_ID.eq(courseId))
                        .execute()
                > 0;
    }

    /**
     * Refreshes the report, then purges each course it lists that an admin confirmed or that it has shown for the
     * notice period; returns how many courses went. The log names courses by id and counts only.
     */
    public int purgeDue() {
        refresh();
        Instant now = clock.instant();
        List<Long> due = new ArrayList<>();
        for (DueCourse course : report()) {
            if (course.confirmedAt() != null || !course.purgeFrom().toInstant().isAfter(now)) {
                due.add(course.courseId());
            }
        }
        for (long courseId : due) {
            Map<String, Integer> files = new LinkedHashMap<>();
            for (ErasableRecords feature : features) {
                files.merge(feature.kind(), feature.eraseCourse(courseId), Integer::sum);
            }
            courses.deleteCourse(courseId);
            log.info("Purged course {} after its retention period; files erased: {}", courseId, files);
        }
        return due.size();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
