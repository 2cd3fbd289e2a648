package nl.leerlog.tool.notifications.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The demo LMS's mailbox: every mail Leerlog wrote, with its text, so a newcomer sees them without a mail server.
 * Only with the demo LMS (the dev profile), never in production: it shows mails to anyone who opens it.
 */
@Controller
@ConditionalOnProperty(name = "leerlog.demo.enabled", havingValue = "true")
class DemoMailbox {

    static final int SHOWN = 50;

    private final MailOutbox outbox;

    DemoMailbox(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/demo/lms/mailbox")
    String mailbox(Model page) {
        page.addAttribute("mails", outbox.newest(SHOWN));
        return "notifications/mailbox";
    }
}
