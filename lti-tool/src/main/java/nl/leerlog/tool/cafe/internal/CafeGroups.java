package nl.leerlog.tool.cafe.internal;

import static nl.leerlog.schema.Tables.CAFE_CHANNEL;
import static nl.leerlog.schema.Tables.CAFE_GROUP;
import static nl.leerlog.schema.Tables.CAFE_MEMBER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.tool.identity.CurrentUser;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The café's groups of a course: who is in which group, and who coaches it. A student is in at most one group of a
 * course at a time; moving them to another group ends the first membership, which keeps what they wrote there.
 */
@Repository
@Transactional
class CafeGroups {

    private final DSLContext db;

    CafeGroups(DSLContext db) {
        this.db = db;
    }

    /** A group with its group channel; {@code coachId} is null until a coordinator names a coach. */
    record Group(long id, long courseId, String name, Long coachId, long channelId) {}

    /** The course's groups by name, each with its current members. */
    Map<Group, List<Long>> ofCourse(long courseId) {
        Map<Group, List<Long>> groups = new LinkedHashMap<>();
        groups(CAFE_GROUP.COURSE_ID.eq(courseId)).forEach(group -> groups.put(group, new ArrayList<>()));
        Map<Long, Group> byId = new LinkedHashMap<>();
        groups.keySet().forEach(group -> byId.put(group.id(), group));
        db.select(CAFE_MEMBER.GROUP_ID, CAFE_MEMBER.USER_ID)
                .from(CAFE_MEMBER)
                .join(CAFE_GROUP)
                .on(CAFE_GROUP.ID.eq(CAFE_MEMBER.GROUP_ID))
                .where(CAFE_GROUP.COURSE_ID.eq(courseId), CAFE_MEMBER.LEFT_AT.isNull())
                .orderBy(CAFE_MEMBER.JOINED_AT, CAFE_MEMBER.USER_ID)
                .forEach(r -> groups.get(byId.get(r.value1())).add(r.value2()));
        return groups;
    }

    Optional<Group> find(long courseId, long groupId) {
        return groups(CAFE_GROUP.COURSE_ID.eq(courseId).and(CAFE_GROUP.ID.eq(groupId))).stream()
                .findFirst();
    }

    /** The student's current group in the course. */
    Optional<Group> groupOf(long courseId, long userId) {
        return groups(CAFE_GROUP
                        .COURSE_ID
                        .eq(courseId)
                        .and(CAFE_GROUP.ID.in(db.select(CAFE_MEMBER.GROUP_ID)
                                .from(CAFE_MEMBER)
                                .where(CAFE_MEMBER.USER_ID.eq(userId), CAFE_MEMBER.LEFT_AT.isNull()))))
                .stream()
                .findFirst();
    }

    /** The groups of the course that this teacher coaches. */
    List<Group> coachedBy(long courseId, long coachId) {
        return groups(CAFE_GROUP.COURSE_ID.eq(courseId).and(CAFE_GROUP.COACH_ID.eq(coachId)));
    }

    /** The group, for its coach (a teacher) or one of its current members (a student); else nothing. */
    Optional<Group> readableBy(CurrentUser user, long groupId) {
        return user.isTeacher()
                ? coachedBy(user.courseId(), user.userId()).stream()
                        .filter(g -> g.id() == groupId)
                        .findFirst()
                : groupOf(user.courseId(), user.userId()).filter(g -> g.id() == groupId);
    }

    /** The group's current members. */
    List<Long> currentMembers(long groupId) {
        List<Long> members = new ArrayList<>();
        everMembers(groupId).forEach((member, current) -> {
            if (current) {
                members.add(member);
            }
        });
        return members;
    }

    /** Everyone who is or was a member of the group, with whether they still are. */
    Map<Long, Boolean> everMembers(long groupId) {
        Map<Long, Boolean> members = new LinkedHashMap<>();
        db.select(CAFE_MEMBER.USER_ID, CAFE_MEMBER.LEFT_AT)
                .from(CAFE_MEMBER)
                .where(CAFE_MEMBER.GROUP_ID.eq(groupId))
                .forEach(r -> members.put(r.value1(), r.value2() == null));
        return members;
    }

    /** A new group with its group channel, made in one transaction so a group never lacks its channel. */
    Group create(long courseId, String name, Long coachId, Instant now) {
        long groupId = db.insertInto(CAFE_GROUP)
                .set(CAFE_GROUP.COURSE_ID, courseId)
                .set(CAFE_GROUP.NAME, name)
                .set(CAFE_GROUP.COACH_ID, coachId)
                .set(CAFE_GROUP.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .returning(CAFE_GROUP.ID)
                .fetchOne(CAFE_GROUP.ID);
        long channelId = db.insertInto(CAFE_CHANNEL)
                .set(CAFE_CHANNEL.GROUP_ID, groupId)
                .set(CAFE_CHANNEL.KIND, ChannelKind.GROUP.name())
                .returning(CAFE_CHANNEL.ID)
                .fetchOne(CAFE_CHANNEL.ID);
        return new Group(groupId, courseId, name, coachId, channelId);
    }

    void rename(long groupId, String name, Long coachId) {
        db.update(CAFE_GROUP)
                .set(CAFE_GROUP.NAME, name)
                .set(CAFE_GROUP.COACH_ID, coachId)
                .where(CAFE_GROUP.ID.eq(groupId))
                .execute();
    }

    /** Puts each student in the group, ending the membership they had in another group of the course. */
    void join(Group group, Collection<Long> studentIds, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        for (long studentId : studentIds) {
            db.update(CAFE_MEMBER)
                    .set(CAFE_MEMBER.LEFT_AT, at)
                    .where(CAFE_MEMBER.USER_ID.eq(studentId), CAFE_MEMBER.LEFT_AT.isNull())
                    .and(CAFE_MEMBER.GROUP_ID.ne(group.id()))
                    .and(CAFE_MEMBER.GROUP_ID.in(
                            db.select(CAFE_GROUP.ID).from(CAFE_GROUP).where(CAFE_GROUP.COURSE_ID.eq(group.courseId()))))
                    .execute();
            db.insertInto(CAFE_MEMBER)
                    .set(CAFE_MEMBER.GROUP_ID, group.id())
                    .set(CAFE_MEMBER.USER_ID, studentId)
                    .set(CAFE_MEMBER.JOINED_AT, at)
                    .onConflict(CAFE_MEMBER.GROUP_ID, CAFE_MEMBER.USER_ID)
                    .doUpdate()
                    .set(CAFE_MEMBER.LEFT_AT, (OffsetDateTime) null)
                    .execute();
        }
    }

    void leave(long groupId, long studentId, Instant now) {
        db.update(CAFE_MEMBER)
                .set(CAFE_MEMBER.LEFT_AT, now.atOffset(ZoneOffset.UTC))
                .where(CAFE_MEMBER.GROUP_ID.eq(groupId), CAFE_MEMBER.USER_ID.eq(studentId))
                .and(CAFE_MEMBER.LEFT_AT.isNull())
                .execute();
    }

    /**
     * Spreads the students over the groups so that sizes differ by at most one: each goes to the smallest group
     * at that moment, the first such group by name when several are equally small.
     */
    void spread(Map<Group, List<Long>> groups, List<Long> studentIds, Instant now) {
        Map<Group, Integer> sizes = new LinkedHashMap<>();
        groups.forEach((group, members) -> sizes.put(group, members.size()));
        for (long studentId : studentIds) {
            Group smallest = sizes.entrySet().stream()
                    .min(Comparator.comparingInt(Map.Entry::getValue))
                    .orElseThrow()
                    .getKey();
            join(smallest, List.of(studentId), now);
            sizes.merge(smallest, 1, Integer::sum);
        }
    }

    private List<Group> groups(Condition where) {
        return db.select(CAFE_GROUP.ID, CAFE_GROUP.COURSE_ID, CAFE_GROUP.NAME, CAFE_GROUP.COACH_ID, CAFE_CHANNEL.ID)
                .from(CAFE_GROUP)
                .join(CAFE_CHANNEL)
                .on(CAFE_CHANNEL.GROUP_ID.eq(CAFE_GROUP.ID))
                .and(CAFE_CHANNEL.KIND.eq(ChannelKind.GROUP.name()))
                .where(where)
                .orderBy(CAFE_GROUP.NAME, CAFE_GROUP.ID)
                .fetch(r -> new Group(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
