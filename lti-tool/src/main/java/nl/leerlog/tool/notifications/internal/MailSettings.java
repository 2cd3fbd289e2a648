package nl.leerlog.tool.notifications.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification mails. The SMTP server itself is Spring's {@code spring.mail.*} (host, port, username, password,
 * STARTTLS); without {@code spring.mail.host} nothing is sent and mails wait in the outbox.
 *
 * @param from the sender of every mail, e.g. {@code Leerlog <leerlog@school.example>}
 * @param linkUrl where links in mails point; empty: {@code lti.tool-url}
 * @param maxAttempts how many times a mail is tried before it is marked failed for an operator to retry
 * @param firstRetryAfter how long the first retry waits; each next one waits twice as long
 * @param longestRetryAfter the longest wait between two tries
 * @param sendEvery how often each instance looks for mails to send
 * @param batchSize how many mails one instance claims and sends over one SMTP connection at a time
 * @param sendingTimeout how long a claimed mail may stay unsent before another instance takes it over (its sender
 *     died between claiming and marking); it goes out again with the same Message-ID
 * @param keepSent how long sent mails stay in the outbox before they are purged
 * @param digestCheck how often the daily and weekly digests are looked for (they go out after 07:00 Amsterdam time,
 *     weekly ones on Monday)
 * @param reminderCheck how often the reminders are looked for (a question waiting past its teacher's response time, a
 *     student silent for the course's weeks); each reminds once
 * @param unsubscribeSecret the key that signs unsubscribe links, the same on every instance; empty: derived from
 *     {@code leerlog.keys.encryption-key}
 */
@ConfigurationProperties("leerlog.mail")
public record MailSettings(
        @DefaultValue("Leerlog <no-reply@leerlog.invalid>") String from,
        URI linkUrl,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT1M") Duration firstRetryAfter,
        @DefaultValue("PT6H") Duration longestRetryAfter,
        @DefaultValue("PT15S") Duration sendEvery,
        @DefaultValue("50") int batchSize,
        @DefaultValue("PT10M") Duration sendingTimeout,
        @DefaultValue("P30D") Duration keepSent,
        @DefaultValue("PT10M") Duration digestCheck,
        @DefaultValue("PT1H") Duration reminderCheck,
        String unsubscribeSecret) {

    /** The wait after the given number of failed tries: doubling from the first, never longer than the longest. */
    Duration retryAfter(int failedAttempts) {
        Duration wait = firstRetryAfter;
        for (int i = 1; i < failedAttempts && wait.compareTo(longestRetryAfter) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestRetryAfter) > 0 ? longestRetryAfter : wait;
    }
}
