package nl.leerlog.tool.notifications.internal;

import static nl.leerlog.schema.Tables.NOTIFICATION_COURSE_DEFAULT;
import static nl.leerlog.schema.Tables.NOTIFICATION_PREFERENCE;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import nl.leerlog.tool.notifications.internal.NotificationKind.Frequency;
import nl.leerlog.tool.notifications.internal.NotificationKind.Topic;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * How often each person wants mail of each topic in a course: their own choice, else the course's default (a
 * coordinator's), else immediately.
 */
@Repository
class Preferences {

    private final DSLContext db;

    Preferences(DSLContext db) {
        this.db = db;
    }

    /** The frequency that applies to the person for the topic now. */
    Frequency of(long userId, long courseId, Topic topic) {
        return chosen(userId, courseId).getOrDefault(topic, defaults(courseId).get(topic));
    }

    /** The person's own choices, topics they never chose left out. */
    Map<Topic, Frequency> chosen(long userId, long courseId) {
        Map<Topic, Frequency> chosen = new EnumMap<>(Topic.class);
        db.select(NOTIFICATION_PREFERENCE.TOPIC, NOTIFICATION_PREFERENCE.FREQUENCY)
                .from(NOTIFICATION_PREFERENCE)
                .where(NOTIFICATION_PREFERENCE.USER_ID.eq(userId), NOTIFICATION_PREFERENCE.COURSE_ID.eq(courseId))
                .forEach(r -> chosen.put(Topic.valueOf(r.value1()), Frequency.valueOf(r.value2())));
        return chosen;
    }

    /** What applies to the person for every topic. */
    Map<Topic, Frequency> effective(long userId, long courseId) {
        Map<Topic, Frequency> effective = defaults(courseId);
        effective.putAll(chosen(userId, courseId));
        return effective;
    }

    /** The course's default for every topic. */
    Map<Topic, Frequency> defaults(long courseId) {
        Map<Topic, Frequency> defaults = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            defaults.put(topic, Frequency.IMMEDIATELY);
        }
        db.select(NOTIFICATION_COURSE_DEFAULT.TOPIC, NOTIFICATION_COURSE_DEFAULT.FREQUENCY)
                .from(NOTIFICATION_COURSE_DEFAULT)
                .where(NOTIFICATION_COURSE_DEFAULT.COURSE_ID.eq(courseId))
                .forEach(r -> defaults.put(Topic.valueOf(r.value1()), Frequency.valueOf(r.value2())));
        return defaults;
    }

    void choose(long userId, long courseId, Topic topic, Frequency frequency, Instant now) {
        db.insertInto(NOTIFICATION_PREFERENCE)
                .set(NOTIFICATION_PREFERENCE.USER_ID, userId)
                .set(NOTIFICATION_PREFERENCE.COURSE_ID, courseId)
                .set(NOTIFICATION_PREFERENCE.TOPIC, topic.name())
                .set(NOTIFICATION_PREFERENCE.FREQUENCY, frequency.name())
                .set(NOTIFICATION_PREFERENCE.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflict(
                        NOTIFICATION_PREFERENCE.USER_ID,
                        NOTIFICATION_PREFERENCE.COURSE_ID,
                        NOTIFICATION_PREFERENCE.TOPIC)
                .doUpdate()
                .set(NOTIFICATION_PREFERENCE.FREQUENCY, frequency.name())
                .set(NOTIFICATION_PREFERENCE.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
    }

    void setDefault(long courseId, Topic topic, Frequency frequency, long coordinatorId, Instant now) {
        db.insertInto(NOTIFICATION_COURSE_DEFAULT)
                .set(NOTIFICATION_COURSE_DEFAULT.COURSE_ID, courseId)
                .set(NOTIFICATION_COURSE_DEFAULT.TOPIC, topic.name())
                .set(NOTIFICATION_COURSE_DEFAULT.FREQUENCY, frequency.name())
                .set(NOTIFICATION_COURSE_DEFAULT.UPDATED_BY, coordinatorId)
                .set(NOTIFICATION_COURSE_DEFAULT.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflict(NOTIFICATION_COURSE_DEFAULT.COURSE_ID, NOTIFICATION_COURSE_DEFAULT.TOPIC)
                .doUpdate()
                .set(NOTIFICATION_COURSE_DEFAULT.FREQUENCY, frequency.name())
                .set(NOTIFICATION_COURSE_DEFAULT.UPDATED_BY, coordinatorId)
                .set(NOTIFICATION_COURSE_DEFAULT.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
    }
}
