package nl.leerlog.tool.cafe.internal;

import static nl.leerlog.schema.Tables.CAFE_CHANNEL;
import static nl.leerlog.schema.Tables.CAFE_GROUP;
import static nl.leerlog.schema.Tables.CAFE_MEMBER;
import static nl.leerlog.schema.Tables.CAFE_MESSAGE;
import static nl.leerlog.schema.Tables.CAFE_READ;
import static nl.leerlog.schema.Tables.CAFE_REPORT;

import nl.leerlog.tool.privacy.ErasableRecords;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A student's part of the course's café: their reports, their messages (with reports on them), their read marks,
 * the direct channels they are in (with what was said there) and their memberships.
 */
@Component
@Order(90)
record ErasedCafe(DSLContext db) implements ErasableRecords {

    @Override
    public String kind() {
        return "cafe";
    }

    @Override
    public int eraseStudent(long courseId, long userId) {
        int reports = db.deleteFrom(CAFE_REPORT)
                .where(CAFE_REPORT.REPORTER_ID.eq(userId))
                .and(CAFE_REPORT.MESSAGE_ID.in(db.select(CAFE_MESSAGE.ID)
                        .from(CAFE_MESSAGE)
                        .where(CAFE_MESSAGE.CHANNEL_ID.in(channelsOf(courseId)))))
                .execute();
        int messages = db.deleteFrom(CAFE_MESSAGE)
                .where(CAFE_MESSAGE.AUTHOR_ID.eq(userId), CAFE_MESSAGE.CHANNEL_ID.in(channelsOf(courseId)))
                .execute();
        int reads = db.deleteFrom(CAFE_READ)
                .where(CAFE_READ.USER_ID.eq(userId), CAFE_READ.CHANNEL_ID.in(channelsOf(courseId)))
                .execute();
        int channels = db.deleteFrom(CAFE_CHANNEL)
                .where(CAFE_CHANNEL.GROUP_ID.in(groupsOf(courseId)))
                .and(CAFE_CHANNEL.FIRST_USER_ID.eq(userId).or(CAFE_CHANNEL.SECOND_USER_ID.eq(userId)))
                .execute();
        int memberships = db.deleteFrom(CAFE_MEMBER)
                .where(CAFE_MEMBER.USER_ID.eq(userId), CAFE_MEMBER.GROUP_ID.in(groupsOf(courseId)))
                .execute();
        return reports + messages + reads + channels + memberships;
    }

    private Select<org.jooq.Record1<Long>> groupsOf(long courseId) {
        return db.select(CAFE_GROUP.ID).from(CAFE_GROUP).where(CAFE_GROUP.COURSE_ID.eq(courseId));
    }

    private Select<org.jooq.Record1<Long>> channelsOf(long courseId) {
        Field<Long> id = CAFE_CHANNEL.ID;
        return db.select(id).from(CAFE_CHANNEL).where(CAFE_CHANNEL.GROUP_ID.in(groupsOf(courseId)));
    }
}
