package nl.leerlog.tool.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.tool.guidance.ConversationCalendars;
import nl.leerlog.tool.guidance.ThreadTitles;
import nl.leerlog.tool.identity.MailContacts;
import nl.leerlog.tool.notifications.internal.NotificationKind.Frequency;
import org.springframework.stereotype.Component;

/**
 * Records a notice in the receiver's in-app list and, when they want it at once, queues its mail, in the caller's
 * transaction: when the change that caused it rolls back, so do both. Someone without an e-mail address, or no
 * longer active in the course, gets no mail; a digest reader's notices wait for {@link DigestMails}.
 */
@Component
class Notifier {

    /** The kinds whose mail carries the conversation's invitation (a proposal is in nobody's calendar yet). */
    private static final java.util.Set<NotificationKind> INVITING = java.util.EnumSet.of(
            NotificationKind.CONVERSATION_AGREED,
            NotificationKind.CONVERSATION_MOVED,
            NotificationKind.CONVERSATION_CANCELLED);

    private final MailContacts contacts;
    private final MailComposer composer;
    private final MailOutbox outbox;
    private final Inbox inbox;
    private final Preferences preferences;
    private final ThreadTitles titles;
    private final ConversationCalendars calendars;
    private final UnsubscribeTokens tokens;
    private final MailLinks links;
    private final Clock clock;

    Notifier(
            MailContacts contacts,
            MailComposer composer,
            MailOutbox outbox,
            Inbox inbox,
            Preferences preferences,
            ThreadTitles titles,
            ConversationCalendars calendars,
            UnsubscribeTokens tokens,
            MailLinks links,
            Clock clock) {
        this.contacts = contacts;
        this.composer = composer;
        this.outbox = outbox;
        this.inbox = inbox;
        this.preferences = preferences;
        this.titles = titles;
        this.calendars = calendars;
        this.tokens = tokens;
        this.links = links;
        this.clock = clock;
    }

    /** Records the notice and queues its mail if due now; false when the same notice was recorded before. */
    boolean notify(Notice notice) {
        Instant now = clock.instant();
        Frequency frequency = preferences.of(
                notice.recipientId(), notice.courseId(), notice.kind().topic());
        boolean digest = frequency == Frequency.DAILY || frequency == Frequency.WEEKLY;
        if (!inbox.record(notice, notice.studentId(), digest, now)) {
            return false;
        }
        if (frequency == Frequency.IMMEDIATELY) {
            mail(notice, now);
        }
        return true;
    }

    private void mail(Notice notice, Instant now) {
        var receiver = contacts.of(notice.courseId(), notice.recipientId()).orElse(null);
        if (receiver == null) {
            return;
        }
        String other = contacts.nameOf(notice.otherPartyId());
        Map<String, Object> model = new HashMap<>();
        model.put("receiverName", receiver.name());
        model.put("otherName", other.isBlank() ? null : other);
        model.put("courseTitle", receiver.courseTitle());
        model.put(
                "questionTitle",
                title(notice.kind(), notice.toTeacher(), notice.courseId(), notice.recipientId(), notice.questionId())
                        .orElse(null));
        model.put(
                "startsAt",
                notice.startsAt() == null
                        ? null
                        : notice.startsAt()
                                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                                        .withLocale(receiver.locale())));
        model.put("link", links.to(notice.path()));
        String unsubscribe = links.to("/mail/unsubscribe?t="
                + tokens.sign(
                        notice.recipientId(),
                        notice.courseId(),
                        Optional.of(notice.kind().topic())));
        model.put("unsubscribeLink", unsubscribe);
        var mail = composer.render(
                "notification",
                notice.kind().key(),
                receiver.locale(),
                model,
                other.isBlank() ? "Leerlog" : other,
                receiver.courseTitle());
        outbox.enqueue(
                new OutgoingMail(
                        notice.idempotencyKey(),
                        receiver.userId(),
                        notice.courseId(),
                        notice.kind().key(),
                        receiver.email(),
                        mail.subject(),
                        mail.text(),
                        mail.html(),
                        unsubscribe,
                        invitation(notice, receiver.locale())),
                links.messageDomain(),
                now);
    }

    /** The calendar invitation of a conversation agreed, moved or cancelled, as the receiver may see it now. */
    private ConversationCalendars.Invitation invitation(Notice notice, java.util.Locale locale) {
        if (notice.conversation() == null || !INVITING.contains(notice.kind())) {
            return null;
        }
        return calendars
                .forMail(notice.conversation(), notice.toTeacher(), locale)
                .orElse(null);
    }

    /**
     * The question's title, where the kind may name it and the receiver may read the thread now; never for a
     * withdrawal, never after the student withdrew the question.
     */
    Optional<String> title(NotificationKind kind, boolean toTeacher, long courseId, long recipientId, Long questionId) {
        if (questionId == null || !kind.namesQuestion()) {
            return Optional.empty();
        }
        return toTeacher
                ? titles.forTeacher(courseId, recipientId, questionId)
                : titles.forStudent(courseId, recipientId, questionId);
    }
}
