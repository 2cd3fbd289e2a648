package nl.leerlog.tool.cafe.internal;

import static nl.leerlog.schema.Tables.CAFE_MEETING;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import nl.leerlog.tool.cafe.CafeMeetingScheduled;
import nl.leerlog.tool.cafe.internal.CafeGroups.Group;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Each group's weekly online meeting, as its coach set it: one per group, on Dutch local time. */
@Repository
@Transactional
class CafeMeetings {

    /** The meetings' time zone: a meeting at 16:00 stays at 16:00 when the clocks change. */
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final DSLContext db;
    private final CafeGroups groups;
    private final ApplicationEventPublisher events;

    CafeMeetings(DSLContext db, CafeGroups groups, ApplicationEventPublisher events) {
        this.db = db;
        this.groups = groups;
        this.events = events;
    }

    /** The weekly meeting; {@code sequence} counts its changes, for calendars that imported it. */
    record Meeting(
            long groupId, DayOfWeek weekday, LocalTime startsAt, int durationMinutes, String link, int sequence) {

        /**
         * The next meeting that has not ended at {@code now}: one that is going on still counts, so members who are
         * late find the link.
         */
        Next next(Instant now) {
            ZonedDateTime local = now.atZone(ZONE);
            LocalDate day = local.toLocalDate().with(TemporalAdjusters.nextOrSame(weekday));
            ZonedDateTime start = ZonedDateTime.of(day, startsAt, ZONE);
            if (!start.plusMinutes(durationMinutes).isAfter(local)) {
                start = ZonedDateTime.of(day.plusWeeks(1), startsAt, ZONE);
            }
            return new Next(start, start.plusMinutes(durationMinutes), link);
        }
    }

    /** One coming meeting: when it starts and ends, and where. */
    record Next(ZonedDateTime startsAt, ZonedDateTime endsAt, String link) {}

    Optional<Meeting> of(long groupId) {
        return db.selectFrom(CAFE_MEETING)
                .where(CAFE_MEETING.GROUP_ID.eq(groupId))
                .fetchOptional(r -> new Meeting(
                        r.getGroupId(),
                        DayOfWeek.of(r.getWeekday()),
                        r.getStartsAt(),
                        r.getDurationMinutes(),
                        r.getLink(),
                        r.getSequence()));
    }

    /**
     * Sets the group's meeting, raising its sequence when it changes an earlier one, and tells the group's current
     * members in the same transaction.
     */
    Meeting set(
            Group group,
            DayOfWeek weekday,
            LocalTime startsAt,
            int durationMinutes,
            String link,
            long coachId,
            Instant now) {
        long groupId = group.id();
        db.insertInto(CAFE_MEETING)
                .set(CAFE_MEETING.GROUP_ID, groupId)
                .set(CAFE_MEETING.WEEKDAY, (short) weekday.getValue())
                .set(CAFE_MEETING.STARTS_AT, startsAt)
                .set(CAFE_MEETING.DURATION_MINUTES, durationMinutes)
                .set(CAFE_MEETING.LINK, link)
                .set(CAFE_MEETING.SEQUENCE, 0)
                .set(CAFE_MEETING.CHANGED_BY, coachId)
                .set(CAFE_MEETING.CHANGED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflict(CAFE_MEETING.GROUP_ID)
                .doUpdate()
                .set(CAFE_MEETING.WEEKDAY, (short) weekday.getValue())
                .set(CAFE_MEETING.STARTS_AT, startsAt)
                .set(CAFE_MEETING.DURATION_MINUTES, durationMinutes)
                .set(CAFE_MEETING.LINK, link)
                .set(CAFE_MEETING.SEQUENCE, CAFE_MEETING.SEQUENCE.plus(DSL.inline(1)))
                .set(CAFE_MEETING.CHANGED_BY, coachId)
                .set(CAFE_MEETING.CHANGED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
        Meeting meeting = of(groupId).orElseThrow();
        events.publishEvent(new CafeMeetingScheduled(
                group.courseId(),
                groupId,
                coachId,
                groups.currentMembers(groupId),
                "cafe-meeting:" + groupId + ":" + meeting.sequence(),
                "/cafe/channels/" + group.channelId(),
                meeting.next(now).startsAt()));
        return meeting;
    }
}
