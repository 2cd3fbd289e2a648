package nl.leerlog.tool.notifications.internal;

import java.time.ZonedDateTime;

/**
 * One thing one person should hear about.
 *
 * @param occurrence what makes the change one of its own (with the kind and the receiver, the idempotency key)
 * @param otherPartyId the student or teacher the notice is about, to name them
 * @param path the page of the tool it is about, to link to
 * @param questionTitle the question's title, only where the receiver may read it; else null
 * @param startsAt a conversation's moment, or null
 */
record Notice(
        NotificationKind kind,
        long recipientId,
        long courseId,
        String occurrence,
        long otherPartyId,
        String path,
        String questionTitle,
        ZonedDateTime startsAt) {

    String idempotencyKey() {
        return occurrence + ":" + kind.key() + ":" + recipientId;
    }
}
