package nl.leerlog.tool.admin.internal.outbox;

import java.util.List;
import nl.leerlog.tool.admin.internal.audit.AdminAudit;
import nl.leerlog.tool.admin.internal.audit.AuditAction;
import nl.leerlog.tool.notifications.OutboxOverview;
import nl.leerlog.tool.notifications.OutboxOverview.Status;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notification outbox for operators: how many mails wait, went out or failed, the latest failed and waiting
 * ones with their metadata (never an address, a subject or a body), and a button that sends a failed mail again.
 * Every retry is audited in the transaction that queues the mail.
 */
@Controller
record OutboxController(OutboxOverview outbox, AdminAudit audit, TransactionTemplate transaction) {

    static final int SHOWN = 100;

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("statuses", List.of(Status.values()));
        model.addAttribute("failed", outbox.latest(Status.FAILED, SHOWN));
        model.addAttribute("queued", outbox.latest(Status.QUEUED, SHOWN));
        model.addAttribute("shown", SHOWN);
        model.addAttribute("page", "outbox");
        return "admin/outbox";
    }

    @PostMapping("/admin/outbox/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        Boolean retried = transaction.execute(status -> {
            var mail = outbox.find(id).orElse(null);
            if (mail == null || !outbox.retry(id)) {
                return false;
            }
            audit.record(
                    AuditAction.MAIL_RETRIED,
                    "mail " + id,
                    "kind=" + mail.kind() + ", tries=" + mail.attempts() + ", status=FAILED -> QUEUED");
            return true;
        });
        if (Boolean.TRUE.equals(retried)) {
            redirect.addFlashAttribute("notice", "admin.outbox.notice.retried");
        } else {
            redirect.addFlashAttribute("notRetried", id);
        }
        return "redirect:/admin/outbox";
    }
}
