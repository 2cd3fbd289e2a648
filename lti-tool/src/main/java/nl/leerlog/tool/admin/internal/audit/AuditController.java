package nl.leerlog.tool.admin.internal.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit page: every change made in the console, newest first. */
@Controller
record AuditController(AdminAudit audit) {

    static final int SHOWN = 500;

    @GetMapping("/admin/audit")
    String audit(Model model) {
        model.addAttribute("entries", audit.newest(SHOWN));
        model.addAttribute("shown", SHOWN);
        model.addAttribute("page", "audit");
        return "admin/audit";
    }
}
