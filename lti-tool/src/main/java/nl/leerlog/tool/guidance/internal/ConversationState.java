package nl.leerlog.tool.guidance.internal;

import java.util.Locale;

/** Where a proposed conversation stands: waiting for the student, agreed, another moment asked for, or cancelled. */
enum ConversationState {
    PROPOSED,
    AGREED,
    DECLINED,
    CANCELLED;

    public String key() {
        return "conversation.state." + name().toLowerCase(Locale.ROOT);
    }
}
