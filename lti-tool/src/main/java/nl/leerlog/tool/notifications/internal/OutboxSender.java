package nl.leerlog.tool.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, on every instance: each round claims a batch (rows other instances hold are skipped),
 * sends it over one SMTP connection and marks each mail sent, or queued again with a longer wait, or failed after
 * the last try. A mail keeps its Message-ID over all its tries, so a mail sent again after a crash between sending
 * and marking is recognised as the same message. Without {@code spring.mail.host} nothing is sent.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailSettings settings;
    private final TaskScheduler scheduler;
    private final Clock clock;

    OutboxSender(
            MailOutbox outbox,
            ObjectProvider<JavaMailSender> mailSender,
            MailSettings settings,
            TaskScheduler scheduler,
            Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        if (mailSender.getIfAvailable() == null) {
            log.info("No spring.mail.host: notification mails wait in the outbox");
            return;
        }
        scheduler.scheduleWithFixedDelay(
                this::sendAllDue, Instant.now().plus(settings.sendEvery()), settings.sendEvery());
    }

    /** Sends batches until none is full; returns how many mails went out. */
    int sendAllDue() {
        int total = 0;
        try {
            int sent;
            do {
                sent = sendDue();
                total += sent;
            } while (sent == settings.batchSize());
        } catch (RuntimeException e) {
            log.error("Sending notification mails failed; the next round tries again", e);
        }
        return total;
    }

    /** Claims one batch and sends it; returns how many of it went out. */
    int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        Instant now = clock.instant();
        List<MailOutbox.Claimed> batch = outbox.claim(settings.batchSize(), now.minus(settings.sendingTimeout()), now);
        if (batch.isEmpty()) {
            return 0;
        }
        List<MimeMessage> messages = new ArrayList<>();
        List<MailOutbox.Claimed> sendable = new ArrayList<>();
        for (MailOutbox.Claimed mail : batch) {
            try {
                messages.add(message(sender, mail));
                sendable.add(mail);
            } catch (MessagingException e) {
                // An address the mail library refuses does not get better by waiting.
                outbox.notSent(mail, "MessagingException: " + e.getMessage(), null);
            }
        }
        if (messages.isEmpty()) {
            return 0;
        }
        batch = sendable;
        Map<Object, Exception> failures = Map.of();
        try {
            sender.send(messages.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failures = e.getFailedMessages();
        } catch (MailException e) {
            // Before any message: the connection or the login failed.
            Map<Object, Exception> all = new java.util.IdentityHashMap<>();
            messages.forEach(message -> all.put(message, e));
            failures = all;
        }
        int sent = 0;
        Instant done = clock.instant();
        for (int i = 0; i < batch.size(); i++) {
            MailOutbox.Claimed mail = batch.get(i);
            Exception failure = failures.get(messages.get(i));
            if (failure == null) {
                outbox.sent(mail, done);
                sent++;
            } else {
                Instant retryAt = mail.attempts() >= settings.maxAttempts()
                        ? null
                        : done.plus(settings.retryAfter(mail.attempts()));
                outbox.notSent(mail, failure.getClass().getSimpleName() + ": " + failure.getMessage(), retryAt);
            }
        }
        if (sent < batch.size()) {
            log.warn(
                    "{} of {} notification mails not sent; they are tried again later",
                    batch.size() - sent,
                    batch.size());
        }
        return sent;
    }

    /** The mail as it goes out; the same Message-ID and headers on every try. */
    MimeMessage message(JavaMailSender sender, MailOutbox.Claimed mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from());
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        if (mail.calendar() != null) {
            // RFC 6047 §2.4: the iCalendar object as text/calendar with the iTIP method of the object inside it.
            helper.addAttachment(
                    "CANCEL".equals(mail.calendarMethod()) ? "cancel.ics" : "invite.ics",
                    new ByteArrayDataSource(
                            mail.calendar().getBytes(StandardCharsets.UTF_8),
                            "text/calendar; charset=UTF-8; method=" + mail.calendarMethod()));
        }
        // Kept by JavaMailSenderImpl over saveChanges(): the same Message-ID on every try (RFC 5322 §3.6.4).
        message.setHeader("Message-ID", mail.messageId());
        // RFC 3834 §5: a notification, not a person writing; auto-responders stay quiet.
        message.setHeader("Auto-Submitted", "auto-generated");
        if (mail.unsubscribeUrl() != null) {
            // RFC 8058 §3.1: one-click unsubscribe by a POST to the HTTPS URI, without a login.
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }
}
