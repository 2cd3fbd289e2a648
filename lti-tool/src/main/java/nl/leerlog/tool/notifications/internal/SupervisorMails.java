package nl.leerlog.tool.notifications.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import nl.leerlog.tool.supervisor.SupervisorLinkMailRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The mail that brings a student's new link to their workplace supervisor, in the student's language, through the
 * outbox and in the transaction that made the link. One mail per link; the supervisor has no account, so no
 * preferences and no unsubscribe link: they get this one mail because the student asked for it.
 */
@Component
class SupervisorMails {

    /** The outbox's kind for these mails. */
    static final String KIND = "supervisor-link";

    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/Amsterdam");

    private final MailComposer composer;
    private final MailOutbox outbox;
    private final MailLinks links;
    private final java.time.Clock clock;

    SupervisorMails(MailComposer composer, MailOutbox outbox, MailLinks links, java.time.Clock clock) {
        this.composer = composer;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    @EventListener
    void on(SupervisorLinkMailRequested requested) {
        String student =
                requested.studentName() == null || requested.studentName().isBlank()
                        ? composer.message("mail.supervisor-link.a-student", requested.locale())
                        : requested.studentName();
        Map<String, Object> model = new HashMap<>();
        model.put("receiverName", requested.supervisorName());
        model.put("studentName", student);
        model.put("request", requested.request());
        model.put("link", links.to(requested.path()));
        model.put(
                "until",
                requested
                        .expiresAt()
                        .atZone(SCHOOL_TIME)
                        .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                                .withLocale(requested.locale())));
        var mail = composer.render("supervisor", KIND, requested.locale(), model, student);
        outbox.enqueue(
                new OutgoingMail(
                        KIND + ":" + requested.linkId(),
                        null,
                        requested.courseId(),
                        KIND,
                        requested.supervisorEmail(),
                        mail.subject(),
                        mail.text(),
                        mail.html(),
                        null,
                        null),
                links.messageDomain(),
                clock.instant());
    }
}
