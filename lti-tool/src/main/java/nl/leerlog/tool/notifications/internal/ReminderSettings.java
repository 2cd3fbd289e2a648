package nl.leerlog.tool.notifications.internal;

import static nl.leerlog.schema.Tables.NOTIFICATION_COURSE_SETTING;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Whether a course reminds its students who have been silent, and after how many weeks: off until a coordinator
 * turns it on on the notifications page.
 */
@Repository
class ReminderSettings {

    static final int MIN_WEEKS = 1;
    static final int MAX_WEEKS = 26;
    static final int DEFAULT_WEEKS = 2;

    /** A course's choice; {@code since}: when it was last saved, from which a student who never wrote is silent. */
    record Silent(long courseId, boolean on, int weeks, Instant since) {

        static Silent off(long courseId) {
            return new Silent(courseId, false, DEFAULT_WEEKS, null);
        }
    }

    private final DSLContext db;

    ReminderSettings(DSLContext db) {
        this.db = db;
    }

    Silent of(long courseId) {
        return db.selectFrom(NOTIFICATION_COURSE_SETTING)
                .where(NOTIFICATION_COURSE_SETTING.COURSE_ID.eq(courseId))
                .fetchOptional(ReminderSettings::silent)
                .orElseGet(() -> Silent.off(courseId));
    }

    /** Every course that turned the reminder on. */
    List<Silent> turnedOn() {
        return db.selectFrom(NOTIFICATION_COURSE_SETTING)
                .where(NOTIFICATION_COURSE_SETTING.SILENT_REMINDER.isTrue())
                .orderBy(NOTIFICATION_COURSE_SETTING.COURSE_ID)
                .fetch(ReminderSettings::silent);
    }

    void save(long courseId, boolean on, int weeks, long coordinatorId, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        db.insertInto(NOTIFICATION_COURSE_SETTING)
                .set(NOTIFICATION_COURSE_SETTING.COURSE_ID, courseId)
                .set(NOTIFICATION_COURSE_SETTING.SILENT_REMINDER, on)
                .set(NOTIFICATION_COURSE_SETTING.SILENT_REMINDER_WEEKS, weeks)
                .set(NOTIFICATION_COURSE_SETTING.UPDATED_BY, coordinatorId)
                .set(NOTIFICATION_COURSE_SETTING.UPDATED_AT, at)
                .onConflict(NOTIFICATION_COURSE_SETTING.COURSE_ID)
                .doUpdate()
                .set(NOTIFICATION_COURSE_SETTING.SILENT_REMINDER, on)
                .set(NOTIFICATION_COURSE_SETTING.SILENT_REMINDER_WEEKS, weeks)
                .set(NOTIFICATION_COURSE_SETTING.UPDATED_BY, coordinatorId)
                .set(NOTIFICATION_COURSE_SETTING.UPDATED_AT, at)
                .execute();
    }

    private static Silent silent(nl.leerlog.schema.tables.records.NotificationCourseSettingRecord r) {
        return new Silent(
                r.getCourseId(),
                r.getSilentReminder(),
                r.getSilentReminderWeeks(),
                r.getUpdatedAt().toInstant());
    }
}
