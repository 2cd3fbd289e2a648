package nl.leerlog.tool.cafe.internal;

import static nl.leerlog.schema.Tables.CAFE_CHANNEL;
import static nl.leerlog.schema.Tables.CAFE_GROUP;
import static nl.leerlog.schema.Tables.CAFE_MEMBER;
import static nl.leerlog.schema.Tables.CAFE_MESSAGE;
import static nl.leerlog.schema.Tables.CAFE_READ;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.tool.cafe.internal.CafeGroups.Group;
import nl.leerlog.tool.identity.CurrentUser;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read which channel: the one rule of the café. A group channel is read by the group's current members
 * and its coach; a private channel only by its two people, while each is still a member or the coach. Nobody else
 * reads a café message, whatever their role in the course: these are not learning-log records.
 */
@Repository
@Transactional
class CafeChannels {

    /** A channel's own columns, read back by {@link #channel}. */
    private static final List<Field<?>> CHANNEL_COLUMNS = List.of(
            CAFE_CHANNEL.ID,
            CAFE_CHANNEL.KIND,
            CAFE_CHANNEL.FIRST_USER_ID,
            CAFE_CHANNEL.SECOND_USER_ID,
            CAFE_CHANNEL.LAST_CHANGE);

    private final DSLContext db;

    CafeChannels(DSLContext db) {
        this.db = db;
    }

    /** A channel as its reader sees it: {@code partnerId} is the other person of a private channel. */
    record Channel(long id, Group group, ChannelKind kind, Long partnerId, long lastChange) {}

    /** A channel in the reader's list, with the messages written since they last read it. */
    record Listed(Channel channel, int unread) {}

    /** The channel, if this user may read it; else nothing, as if it did not exist. */
    Optional<Channel> readableBy(CurrentUser user, long channelId) {
        Field<Boolean> member = DSL.field(DSL.exists(DSL.selectOne()
                        .from(CAFE_MEMBER)
                        .where(CAFE_MEMBER.GROUP_ID.eq(CAFE_GROUP.ID))
                        .and(CAFE_MEMBER.USER_ID.eq(user.userId()))
                        .and(CAFE_MEMBER.LEFT_AT.isNull())))
                .as("member");
        Field<Long> groupChannel = DSL.select(CAFE_CHANNEL.as("g").ID)
                .from(CAFE_CHANNEL.as("g"))
                .where(CAFE_CHANNEL.as("g").GROUP_ID.eq(CAFE_GROUP.ID))
                .and(CAFE_CHANNEL.as("g").KIND.eq(ChannelKind.GROUP.name()))
                .<Long>asField("group_channel");
        return db.select(CHANNEL_COLUMNS)
                .select(CAFE_GROUP.ID, CAFE_GROUP.NAME, CAFE_GROUP.COACH_ID, member, groupChannel)
                .from(CAFE_CHANNEL)
                .join(CAFE_GROUP)
                .on(CAFE_GROUP.ID.eq(CAFE_CHANNEL.GROUP_ID))
                .where(CAFE_CHANNEL.ID.eq(channelId), CAFE_GROUP.COURSE_ID.eq(user.courseId()))
                .fetchOptional()
                .flatMap(r -> {
                    Group group = new Group(
                            r.get(CAFE_GROUP.ID),
                            user.courseId(),
                            r.get(CAFE_GROUP.NAME),
                            r.get(CAFE_GROUP.COACH_ID),
                            r.get(groupChannel));
                    boolean currentMember = Boolean.TRUE.equals(r.get(member));
                    return mayRead(user.isTeacher(), user.userId(), group.coachId(), currentMember)
                            ? channel(r, group, user.userId())
                            : Optional.empty();
                });
    }

    /** The channel as {@code me} sees it, with the other person of a private one; nothing if it is not theirs. */
    private static Optional<Channel> channel(Record r, Group group, long me) {
        ChannelKind kind = ChannelKind.valueOf(r.get(CAFE_CHANNEL.KIND));
        long id = r.get(CAFE_CHANNEL.ID);
        long change = r.get(CAFE_CHANNEL.LAST_CHANGE);
        if (kind == ChannelKind.GROUP) {
            return Optional.of(new Channel(id, group, kind, null, change));
        }
        long first = r.get(CAFE_CHANNEL.FIRST_USER_ID);
        long second = r.get(CAFE_CHANNEL.SECOND_USER_ID);
        if (first != me && second != me) {
            return Optional.empty();
        }
        return Optional.of(new Channel(id, group, kind, first == me ? second : first, change));
    }

    /**
     * Who reads a group's channels: its coach, who is a teacher, and its current members, who are not; a private
     * channel further only its two people.
     */
    static boolean mayRead(boolean teacher, long userId, Long coachId, boolean currentMember) {
        return teacher ? coaches(true, userId, coachId) : currentMember;
    }

    /** Whether this person is the group's coach. */
    static boolean coaches(boolean teacher, long userId, Long coachId) {
        return teacher && Long.valueOf(userId).equals(coachId);
    }

    /**
     * The private channel of two people of the group, made on first use. Two people opening it at once get the
     * same channel: the unique pair decides, and the loser of the race reads the winner's row.
     */
    long privateChannel(Group group, long one, long other) {
        long first = Math.min(one, other);
        long second = Math.max(one, other);
        Optional<Long> existing = findPrivate(group.id(), first, second);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return db.insertInto(CAFE_CHANNEL)
                    .set(CAFE_CHANNEL.GROUP_ID, group.id())
                    .set(CAFE_CHANNEL.KIND, ChannelKind.PRIVATE.name())
                    .set(CAFE_CHANNEL.FIRST_USER_ID, first)
                    .set(CAFE_CHANNEL.SECOND_USER_ID, second)
                    .returning(CAFE_CHANNEL.ID)
                    .fetchOne(CAFE_CHANNEL.ID);
        } catch (DuplicateKeyException raced) {
            return findPrivate(group.id(), first, second).orElseThrow(() -> raced);
        }
    }

    private Optional<Long> findPrivate(long groupId, long first, long second) {
        return db.select(CAFE_CHANNEL.ID)
                .from(CAFE_CHANNEL)
                .where(CAFE_CHANNEL.GROUP_ID.eq(groupId), CAFE_CHANNEL.KIND.eq(ChannelKind.PRIVATE.name()))
                .and(CAFE_CHANNEL.FIRST_USER_ID.eq(first))
                .and(CAFE_CHANNEL.SECOND_USER_ID.eq(second))
                .fetchOptional(CAFE_CHANNEL.ID);
    }

    /**
     * The group's channels that this user may read: the group channel first, then their private channels; each
     * with the messages of others posted since they last read it.
     */
    List<Listed> of(CurrentUser user, Group group) {
        return of(user.userId(), group);
    }

    /** The same for someone who is not here now (for a mail); the caller knows they are a member or the coach. */
    List<Listed> of(long userId, Group group) {
        var read = DSL.coalesce(
                DSL.select(CAFE_READ.READ_CHANGE)
                        .from(CAFE_READ)
                        .where(CAFE_READ.CHANNEL_ID.eq(CAFE_CHANNEL.ID), CAFE_READ.USER_ID.eq(userId))
                        .<Long>asField(),
                0L);
        var unread = DSL.selectCount()
                .from(CAFE_MESSAGE)
                .where(CAFE_MESSAGE.CHANNEL_ID.eq(CAFE_CHANNEL.ID))
                .and(CAFE_MESSAGE.POSTED_NO.gt(read))
                .and(CAFE_MESSAGE.AUTHOR_ID.ne(userId))
                .and(CAFE_MESSAGE.DELETED_AT.isNull())
                .<Integer>asField("unread");
        long me = userId;
        return db.select(CHANNEL_COLUMNS)
                .select(unread)
                .from(CAFE_CHANNEL)
                .where(CAFE_CHANNEL.GROUP_ID.eq(group.id()))
                .and(CAFE_CHANNEL
                        .KIND
                        .eq(ChannelKind.GROUP.name())
                        .or(CAFE_CHANNEL.FIRST_USER_ID.eq(me).or(CAFE_CHANNEL.SECOND_USER_ID.eq(me))))
                .orderBy(CAFE_CHANNEL.KIND, CAFE_CHANNEL.ID)
                .fetch(r -> new Listed(channel(r, group, me).orElseThrow(), r.get(unread)));
    }

    /** The channel's latest change number (0 before its first message). */
    long lastChange(long channelId) {
        return db.select(CAFE_CHANNEL.LAST_CHANGE)
                .from(CAFE_CHANNEL)
                .where(CAFE_CHANNEL.ID.eq(channelId))
                .fetchOptional(CAFE_CHANNEL.LAST_CHANGE)
                .orElse(0L);
    }

    /** Remembers that the reader has seen the channel up to this change. */
    void markRead(long channelId, long userId, long change) {
        db.insertInto(CAFE_READ)
                .set(CAFE_READ.CHANNEL_ID, channelId)
                .set(CAFE_READ.USER_ID, userId)
                .set(CAFE_READ.READ_CHANGE, change)
                .onConflict(CAFE_READ.CHANNEL_ID, CAFE_READ.USER_ID)
                .doUpdate()
                .set(CAFE_READ.READ_CHANGE, DSL.greatest(CAFE_READ.READ_CHANGE, DSL.val(change)))
                .execute();
    }

    /** The names of the group's channels' people are looked up elsewhere; this gives each private channel's id. */
    Map<Long, Long> privateChannelsByPartner(List<Listed> listed) {
        Map<Long, Long> byPartner = new LinkedHashMap<>();
        listed.stream()
                .filter(l -> l.channel().kind() == ChannelKind.PRIVATE)
                .forEach(l -> byPartner.put(l.channel().partnerId(), l.channel().id()));
        return byPartner;
    }
}
