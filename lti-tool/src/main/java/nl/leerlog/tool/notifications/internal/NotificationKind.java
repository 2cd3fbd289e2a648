package nl.leerlog.tool.notifications.internal;

import java.util.Locale;

/** What a notification is about; its key names its texts ({@code mail.<key>.*}) and its rows. */
enum NotificationKind {
    QUESTION_SENT,
    STUDENT_REPLIED,
    TEACHER_REPLIED,
    CONVERSATION_PROPOSED,
    CONVERSATION_AGREED,
    CONVERSATION_DECLINED,
    CONVERSATION_MOVED,
    CONVERSATION_CANCELLED,
    ITEM_WITHDRAWN,
    QUESTION_WITHDRAWN;

    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static NotificationKind ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
