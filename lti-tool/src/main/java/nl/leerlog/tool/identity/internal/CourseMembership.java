package nl.leerlog.tool.identity.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.ENROLMENT;
import static nl.leerlog.tool.system.DatabaseText.fit;
import static nl.leerlog.tool.system.Upserts.upsert;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.leerlog.lti.claims.LtiLaunch;
import nl.leerlog.schema.tables.records.EnrolmentRecord;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.system.DatabaseText;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Courses, people and their enrolments, as the launches tell them. */
@Repository
public class CourseMembership {

    /** The custom parameter that carries the LMS login id (Canvas: {@code $Canvas.user.loginId}). */
    static final String LOGIN_ID = "login_id";

    private final DSLContext db;
    private final Clock clock;
    /**
     * Courses this instance recorded lately, as it wrote them: most launches come from courses whose title did not
     * change, and need not write the course again.
     */
    private final Cache<CourseKey, KnownCourse> knownCourses = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(20_000)
            .build();

    private record CourseKey(String issuer, String clientId, String deploymentId, String contextId) {}

    private record KnownCourse(long id, String title, String label, String membershipsUrl) {
        boolean sameAs(String title, String label, String membershipsUrl) {
            return Objects.equals(this.title, title)
                    && Objects.equals(this.label, label)
                    && (membershipsUrl == null || membershipsUrl.equals(this.membershipsUrl));
        }
    }

    public CourseMembership(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The ids a launch resolves to, and whether its course is new. */
    public record Membership(long courseId, long userId, String courseTitle, boolean courseCreated) {}

    /**
     * Creates or updates the course, the person (issuer + sub, with only the data the launch gave) and
     * the enrolment. Without a context claim the resource link stands for the course.
     */
    @Transactional
    public Membership record(LtiLaunch launch, CourseRole role, boolean testUser) {
        // In the columns' precision, so the course row's created_at tells whether this launch inserted it.
        OffsetDateTime now =
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String contextId = launch.context() != null
                ? launch.context().id()
                : "link:" + launch.resourceLink().id();
        String title = fit(
                launch.context() != null && launch.context().title() != null
                        ? launch.context().title()
                        : launch.resourceLink().title(),
                500);
        String label = fit(launch.context() != null ? launch.context().label() : null, 255);

        String membershipsUrl = membershipsUrl(launch);
        CourseKey key = new CourseKey(launch.issuer(), launch.clientId(), launch.deploymentId(), contextId);
        KnownCourse known = knownCourses.getIfPresent(key);
        if (known != null && known.sameAs(title, label, membershipsUrl)) {
            return recordPerson(launch, role, testUser, known.id(), title, false, now);
        }
        // What a later launch changes, written once for the insert and the update.
        Map<Field<?>, Object> changes = new HashMap<>();
        changes.put(COURSE.TITLE, title);
        changes.put(COURSE.LABEL, label);
        changes.put(COURSE.UPDATED_AT, now);
        // A launch without the NRPS claim (e.g. a placement without the scope) keeps the URL an earlier one gave.
        if (membershipsUrl != null) {
            changes.put(COURSE.MEMBERSHIPS_URL, membershipsUrl);
        }
        var course = upsert(() -> db.insertInto(COURSE)
                .set(COURSE.ISSUER, launch.issuer())
                .set(COURSE.CLIENT_ID, launch.clientId())
                .set(COURSE.DEPLOYMENT_ID, launch.deploymentId())
                .set(COURSE.CONTEXT_ID, contextId)
                .set(COURSE.CREATED_AT, now)
                .set(changes)
                .onConflict(COURSE.ISSUER, COURSE.CLIENT_ID, COURSE.DEPLOYMENT_ID, COURSE.CONTEXT_ID)
                .doUpdate()
                .set(changes)
                .returningResult(COURSE.ID, COURSE.CREATED_AT)
                .fetchSingle());
        long courseId = course.value1();
        KnownCourse written = new KnownCourse(
                courseId,
                title,
                label,
                membershipsUrl != null ? membershipsUrl : known != null ? known.membershipsUrl() : null);
        // Known only once it is committed: a course row rolled back with its launch was never there.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                knownCourses.put(key, written);
            }
        });
        return recordPerson(
                launch, role, testUser, courseId, title, course.value2().isEqual(now), now);
    }

    /** The person and their enrolment in the course of a launch. */
    private Membership recordPerson(
            LtiLaunch launch,
            CourseRole role,
            boolean testUser,
            long courseId,
            String title,
            boolean courseCreated,
            OffsetDateTime now) {
        Map<Field<?>, Object> changes = new HashMap<>();
        changes.put(APP_USER.DISPLAY_NAME, fit(launch.person().displayName().orElse(null), 255));
        changes.put(APP_USER.EMAIL, fit(launch.person().email(), 320));
        changes.put(APP_USER.LOCALE, fit(launch.locale(), 35));
        String loginId = launch.custom().get(LOGIN_ID);
        if (loginId != null && !loginId.isBlank()) {
            // Only a launch that carries it changes it: the platform's privacy level may leave it out.
            changes.put(APP_USER.LOGIN_ID, fit(loginId.strip(), 255));
        }
        changes.put(APP_USER.LAST_LAUNCH_AT, now);
        long userId = upsert(() -> db.insertInto(APP_USER)
                .set(APP_USER.ISSUER, launch.issuer())
                .set(APP_USER.SUBJECT, launch.subject())
                .set(APP_USER.CREATED_AT, now)
                .set(changes)
                .onConflict(APP_USER.ISSUER, APP_USER.SUBJECT)
                .doUpdate()
                .set(changes)
                .returningResult(APP_USER.ID)
                .fetchSingle(APP_USER.ID));

        enrol(courseId, userId, role, testUser, launch.roles(), ENROLMENT.LAST_LAUNCH_AT, now);
        return new Membership(courseId, userId, title, courseCreated);
    }

    /**
     * Forgets the courses this instance knows it wrote. Courses are never deleted by Leerlog; whatever deletes
     * course rows (a test emptying its tables, a future purge) calls this, or a launch would refer to a row gone.
     */
    public void forgetKnownCourses() {
        knownCourses.invalidateAll();
    }

    /** The course's NRPS {@code context_memberships_url}, if the launch has one that fits its column whole. */
    private static String membershipsUrl(LtiLaunch launch) {
        String url = launch.namesRoleService() == null
                ? null
                : launch.namesRoleService().contextMembershipsUrl();
        return url != null && url.length() <= 2000 && DatabaseText.storable(url) ? url : null;
    }

    /**
     * Creates or reactivates an enrolment with its role and LTI roles, stamping {@code seenField} (the last
     * launch, or the roster read that listed the person) with {@code now}.
     */
    public void enrol(
            long courseId,
            long userId,
            CourseRole role,
            boolean testUser,
            List<String> roles,
            TableField<EnrolmentRecord, OffsetDateTime> seenField,
            OffsetDateTime now) {
        String ltiRoles = fit(String.join(" ", roles), 4000);
        upsert(() -> db.insertInto(ENROLMENT)
                .set(ENROLMENT.COURSE_ID, courseId)
                .set(ENROLMENT.USER_ID, userId)
                .set(ENROLMENT.COURSE_ROLE, role.name())
                .set(ENROLMENT.TEST_USER, testUser)
                .set(ENROLMENT.LTI_ROLES, ltiRoles)
                .set(ENROLMENT.ACTIVE, true)
                .set(ENROLMENT.CREATED_AT, now)
                .set(seenField, now)
                .onConflict(ENROLMENT.COURSE_ID, ENROLMENT.USER_ID)
                .doUpdate()
                .set(ENROLMENT.COURSE_ROLE, role.name())
                .set(ENROLMENT.TEST_USER, testUser)
                .set(ENROLMENT.LTI_ROLES, ltiRoles)
                .set(ENROLMENT.ACTIVE, true)
                .set(seenField, now)
                .execute());
    }

    /** The enrolment's course role as stored, e.g. to check a session against the database. */
    public Optional<CourseRole> role(long courseId, long userId) {
        return db.select(ENROLMENT.COURSE_ROLE)
                .from(ENROLMENT)
                .where(ENROLMENT.COURSE_ID.eq(courseId), ENROLMENT.USER_ID.eq(userId), ENROLMENT.ACTIVE.isTrue())
                .fetchOptional(ENROLMENT.COURSE_ROLE)
                .map(CourseRole::valueOf);
    }
}
