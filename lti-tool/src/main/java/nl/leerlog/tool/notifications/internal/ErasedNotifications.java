package nl.leerlog.tool.notifications.internal;

import static nl.leerlog.schema.Tables.MAIL_OUTBOX;
import static nl.leerlog.schema.Tables.NOTIFICATION;
import static nl.leerlog.schema.Tables.NOTIFICATION_PREFERENCE;

import nl.leerlog.tool.privacy.ErasableRecords;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A student's notifications of a course: those to them, those to a teacher about them, their preferences, and the
 * mails to them in the outbox.
 */
@Component
@Order(80)
record ErasedNotifications(DSLContext db) implements ErasableRecords {

    @Override
    public String kind() {
        return "notifications";
    }

    @Override
    public int eraseStudent(long courseId, long userId) {
        return db.deleteFrom(NOTIFICATION)
                        .where(NOTIFICATION.COURSE_ID.eq(courseId))
                        .and(NOTIFICATION
                                .RECIPIENT_ID
                                .eq(userId)
                                .or(NOTIFICATION.STUDENT_ID.eq(userId))
                                .or(NOTIFICATION.OTHER_PARTY_ID.eq(userId)))
                        .execute()
                + db.deleteFrom(NOTIFICATION_PREFERENCE)
                        .where(
                                NOTIFICATION_PREFERENCE.COURSE_ID.eq(courseId),
                                NOTIFICATION_PREFERENCE.USER_ID.eq(userId))
                        .execute()
                + db.deleteFrom(MAIL_OUTBOX)
                        .where(MAIL_OUTBOX.COURSE_ID.eq(courseId), MAIL_OUTBOX.RECIPIENT_ID.eq(userId))
                        .execute();
    }
}
