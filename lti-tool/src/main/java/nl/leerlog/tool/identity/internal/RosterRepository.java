package nl.leerlog.tool.identity.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.ENROLMENT;
import static nl.leerlog.tool.system.DatabaseText.fit;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.leerlog.lti.services.MemberStatus;
import nl.leerlog.lti.services.Membership.Member;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.system.DatabaseText;
import nl.leerlog.tool.system.Upserts;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses' rosters in the database: which courses have a memberships URL, and the people and enrolments a
 * roster read lists. Enrolments are never deleted: someone who left the course becomes inactive and keeps their
 * learning log.
 */
@Repository
public class RosterRepository {

    /** How many enrolments one statement makes inactive, well under every database's parameter limit. */
    private static final int CHUNK = 500;

    private final DSLContext db;
    private final CourseMembership membership;
    private final Clock clock;

    public RosterRepository(DSLContext db, CourseMembership membership, Clock clock) {
        this.db = db;
        this.membership = membership;
        this.clock = clock;
    }

    /**
     * A course whose roster can be read.
     *
     * @param lastSyncedAt when its roster was last read; {@code null} if never
     */
    public record RosterSource(
            long courseId, String issuer, String clientId, URI membershipsUrl, Instant lastSyncedAt) {}

    public Optional<RosterSource> source(long courseId) {
        return sources(COURSE.ID.eq(courseId)).stream().findFirst();
    }

    /** Every course with a memberships URL whose roster was not read since {@code before}. */
    public List<RosterSource> sourcesNotSyncedSince(Instant before) {
        return sources(
                COURSE.ROSTER_SYNCED_AT.isNull().or(COURSE.ROSTER_SYNCED_AT.lt(before.atOffset(ZoneOffset.UTC))));
    }

    private List<RosterSource> sources(Condition condition) {
        return db
                .select(COURSE.ID, COURSE.ISSUER, COURSE.CLIENT_ID, COURSE.MEMBERSHIPS_URL, COURSE.ROSTER_SYNCED_AT)
                .from(COURSE)
                .where(COURSE.MEMBERSHIPS_URL.isNotNull().and(condition))
                .orderBy(COURSE.ID)
                .fetch(row -> new RosterSource(
                        row.value1(),
                        row.value2(),
                        row.value3(),
                        uri(row.value4()),
                        row.value5() == null ? null : row.value5().toInstant()))
                .stream()
                .filter(source -> source.membershipsUrl() != null)
                .toList();
    }

    private static URI uri(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException notAUri) {
            return null; // a claim value no roster read can use; the course is skipped
        }
    }

    /**
     * Applies a roster read: active teachers and students (Core §A.2 via {@link CourseRoleMapper}) become people
     * (issuer + {@code user_id}, which NRPS promises equals the launch's {@code sub}) with active enrolments; other
     * roles are skipped. Enrolments of people the roster lists as inactive or deleted, or no longer lists, become
     * inactive, except those launched since {@code readStartedAt} (a new student may launch before the roster
     * names them). An empty roster switches nobody off.
     */
    @Transactional
    public RosterChanges apply(RosterSource source, List<Member> members, Instant readStartedAt) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Set<Long> listed = new HashSet<>();
        int skipped = 0;
        for (Member member : members) {
            CourseRole role = CourseRoleMapper.map(member.roles());
            if (role != CourseRole.TEACHER && role != CourseRole.STUDENT || !storableId(member.userId())) {
                skipped++;
                continue;
            }
            if (member.status() == MemberStatus.ACTIVE) {
                long userId = upsertPerson(source.issuer(), member, now);
                membership.enrol(
                        source.courseId(),
                        userId,
                        role,
                        CourseRoleMapper.isTestUser(member.roles()),
                        member.roles(),
                        ENROLMENT.ROSTER_SEEN_AT,
                        now);
                listed.add(userId);
            }
        }
        // A roster without a single member cannot be right (the course has at least the teacher who launched):
        // take it for a platform hiccup and switch nobody off.
        int deactivated = members.isEmpty()
                ? 0
                : deactivateAllBut(source.courseId(), listed, readStartedAt.atOffset(ZoneOffset.UTC));
        db.update(COURSE)
                .set(COURSE.ROSTER_SYNCED_AT, now)
                .where(COURSE.ID.eq(source.courseId()))
                .execute();
        return new RosterChanges(listed.size(), deactivated, skipped);
    }

    private static boolean storableId(String userId) {
        return userId != null && userId.length() <= 255 && DatabaseText.storable(userId);
    }

    /** Creates or updates the person; name and email only change when the roster gives them. */
    private long upsertPerson(String issuer, Member member, OffsetDateTime now) {
        String name = fit(member.displayName(), 255);
        String email = fit(member.email(), 320);
        return Upserts.upsert(() -> {
            // Setting the key to itself keeps the statement valid when the roster gives no personal data at all.
            var update = db.insertInto(APP_USER)
                    .set(APP_USER.ISSUER, issuer)
                    .set(APP_USER.SUBJECT, member.userId())
                    .set(APP_USER.DISPLAY_NAME, name)
                    .set(APP_USER.EMAIL, email)
                    .set(APP_USER.CREATED_AT, now)
                    .onConflict(APP_USER.ISSUER, APP_USER.SUBJECT)
                    .doUpdate()
                    .set(APP_USER.SUBJECT, member.userId());
            if (name != null) {
                update = update.set(APP_USER.DISPLAY_NAME, name);
            }
            if (email != null) {
                update = update.set(APP_USER.EMAIL, email);
            }
            return update.returningResult(APP_USER.ID).fetchSingle(APP_USER.ID);
        });
    }

    private int deactivateAllBut(long courseId, Set<Long> listed, OffsetDateTime readStartedAt) {
        List<Long> leaving = new ArrayList<>();
        for (Record row : db.select(ENROLMENT.USER_ID, ENROLMENT.LAST_LAUNCH_AT)
                .from(ENROLMENT)
                .where(ENROLMENT.COURSE_ID.eq(courseId), ENROLMENT.ACTIVE.isTrue())
                .fetch()) {
            long userId = row.get(ENROLMENT.USER_ID);
            OffsetDateTime lastLaunch = row.get(ENROLMENT.LAST_LAUNCH_AT);
            if (!listed.contains(userId) && (lastLaunch == null || lastLaunch.isBefore(readStartedAt))) {
                leaving.add(userId);
            }
        }
        int deactivated = 0;
        for (int from = 0; from < leaving.size(); from += CHUNK) {
            deactivated += db.update(ENROLMENT)
                    .set(ENROLMENT.ACTIVE, false)
                    .where(
                            ENROLMENT.COURSE_ID.eq(courseId),
                            ENROLMENT.USER_ID.in(leaving.subList(from, Math.min(leaving.size(), from + CHUNK))))
                    .execute();
        }
        return deactivated;
    }
}
