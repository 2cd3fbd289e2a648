package nl.leerlog.tool.notifications.internal;

import nl.leerlog.tool.guidance.ConversationCalendars;

/**
 * A mail as the outbox keeps it until it is sent: rendered once, in the receiver's language, when its cause happened.
 *
 * @param idempotencyKey names the occurrence and the receiver; the outbox keeps one mail per key
 * @param recipientId the receiver's account, or null for someone without one (a workplace supervisor)
 * @param unsubscribeUrl the one-click unsubscribe link (RFC 8058), or null for a mail one cannot unsubscribe from
 * @param calendar the calendar invitation the mail carries, or null
 */
record OutgoingMail(
        String idempotencyKey,
        Long recipientId,
        long courseId,
        String kind,
        String to,
        String subject,
        String text,
        String html,
        String unsubscribeUrl,
        ConversationCalendars.Invitation calendar) {}
