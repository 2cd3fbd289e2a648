package nl.leerlog.tool.notifications.internal;

import java.util.Locale;

/**
 * What a notification is about; its key names its texts ({@code mail.<key>.*}) and its rows, its topic the
 * frequency that applies to it.
 */
enum NotificationKind {
    QUESTION_SENT(Topic.MESSAGES),
    STUDENT_REPLIED(Topic.MESSAGES),
    TEACHER_REPLIED(Topic.MESSAGES),
    CONVERSATION_PROPOSED(Topic.CONVERSATIONS),
    CONVERSATION_AGREED(Topic.CONVERSATIONS),
    CONVERSATION_DECLINED(Topic.CONVERSATIONS),
    CONVERSATION_MOVED(Topic.CONVERSATIONS),
    CONVERSATION_CANCELLED(Topic.CONVERSATIONS),
    CAFE_MEETING(Topic.CONVERSATIONS),
    ITEM_WITHDRAWN(Topic.WITHDRAWALS),
    QUESTION_WITHDRAWN(Topic.WITHDRAWALS),
    QUESTION_WAITING(Topic.REMINDERS),
    STUDENT_SILENT(Topic.REMINDERS);

    /** The groups of kinds a person chooses a frequency for. */
    enum Topic {
        MESSAGES,
        CONVERSATIONS,
        WITHDRAWALS,
        REMINDERS;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How often a person gets mail of a topic; the in-app list has every notification whatever they chose. */
    enum Frequency {
        IMMEDIATELY,
        DAILY,
        WEEKLY,
        NEVER
    }

    private final Topic topic;

    NotificationKind(Topic topic) {
        this.topic = topic;
    }

    Topic topic() {
        return topic;
    }

    /** Whether the kind may name the question: never for a withdrawal, whose content the teacher no longer sees. */
    boolean namesQuestion() {
        return topic != Topic.WITHDRAWALS;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static NotificationKind ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
