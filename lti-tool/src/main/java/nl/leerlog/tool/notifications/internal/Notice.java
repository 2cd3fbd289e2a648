package nl.leerlog.tool.notifications.internal;

import java.time.ZonedDateTime;
import nl.leerlog.tool.guidance.GuidanceEvent;

/**
 * One thing one person should hear about.
 *
 * @param occurrence what makes the change one of its own (with the kind and the receiver, it notifies once)
 * @param otherPartyId the student or teacher the notice is about, to name them
 * @param studentId the student of the thread, also when the receiver is the student
 * @param questionId the thread's question, whose title is shown where the receiver may read it; or null
 * @param path the page of the tool it is about, to link to
 * @param startsAt a conversation's moment, or null
 * @param conversation the change of a conversation, whose calendar invitation the mail may carry; or null
 */
record Notice(
        NotificationKind kind,
        long recipientId,
        long courseId,
        String occurrence,
        long otherPartyId,
        long studentId,
        Long questionId,
        String path,
        ZonedDateTime startsAt,
        GuidanceEvent.ConversationChanged conversation) {

    String idempotencyKey() {
        return occurrence + ":" + kind.key() + ":" + recipientId;
    }

    boolean toTeacher() {
        return recipientId != studentId;
    }
}
