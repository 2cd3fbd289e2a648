package nl.leerlog.tool.notifications.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import nl.leerlog.tool.identity.MailContacts;
import org.springframework.stereotype.Component;

/**
 * Turns a notice into a mail in the outbox, in the caller's transaction: when the change that caused it rolls back,
 * so does its mail. Someone without an e-mail address, or no longer active in the course, gets none.
 */
@Component
class Notifier {

    private final MailContacts contacts;
    private final MailComposer composer;
    private final MailOutbox outbox;
    private final MailLinks links;
    private final Clock clock;

    Notifier(MailContacts contacts, MailComposer composer, MailOutbox outbox, MailLinks links, Clock clock) {
        this.contacts = contacts;
        this.composer = composer;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    /** Queues the notice's mail; false when there is no one to mail or the same notice was queued before. */
    boolean notify(Notice notice) {
        var receiver = contacts.of(notice.courseId(), notice.recipientId()).orElse(null);
        if (receiver == null) {
            return false;
        }
        String other = contacts.nameOf(notice.otherPartyId());
        Map<String, Object> model = new HashMap<>();
        model.put("receiverName", receiver.name());
        model.put("otherName", other.isBlank() ? null : other);
        model.put("courseTitle", receiver.courseTitle());
        model.put("questionTitle", notice.questionTitle());
        model.put(
                "startsAt",
                notice.startsAt() == null
                        ? null
                        : notice.startsAt()
                                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                                        .withLocale(receiver.locale())));
        model.put("link", links.to(notice.path()));
        var mail = composer.render(
                "notification",
                notice.kind().key(),
                receiver.locale(),
                model,
                other.isBlank() ? "Leerlog" : other,
                receiver.courseTitle());
        return outbox.enqueue(
                new OutgoingMail(
                        notice.idempotencyKey(),
                        receiver.userId(),
                        notice.courseId(),
                        notice.kind().key(),
                        receiver.email(),
                        mail.subject(),
                        mail.text(),
                        mail.html(),
                        null),
                links.messageDomain(),
                clock.instant());
    }
}
