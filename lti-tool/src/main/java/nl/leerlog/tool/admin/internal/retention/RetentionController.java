package nl.leerlog.tool.admin.internal.retention;

import java.security.Principal;
import nl.leerlog.tool.admin.internal.audit.AdminAudit;
import nl.leerlog.tool.admin.internal.audit.AuditAction;
import nl.leerlog.tool.privacy.CourseRetention;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Course retention's dry-run report: the courses past their retention period, what would go and from when, and a
 * button that purges one at the next run instead of after the notice period. Every confirmation is audited.
 */
@Controller
record RetentionController(CourseRetention retention, AdminAudit audit) {

    @GetMapping("/admin/retention")
    String report(Model model) {
        model.addAttribute("courses", retention.report());
        model.addAttribute("page", "retention");
        return "admin/retention";
    }

    @PostMapping("/admin/retention/{courseId}/confirm")
    String confirm(@PathVariable long courseId, Principal admin, RedirectAttributes redirect) {
        if (!retention.confirm(courseId, admin.getName())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        audit.record(AuditAction.COURSE_PURGE_CONFIRMED, "course " + courseId, "purged at the next retention run");
        redirect.addFlashAttribute("notice", "admin.retention.notice.confirmed");
        return "redirect:/admin/retention";
    }
}
