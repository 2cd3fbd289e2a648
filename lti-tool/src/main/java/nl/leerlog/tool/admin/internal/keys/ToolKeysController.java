package nl.leerlog.tool.admin.internal.keys;

import java.time.Clock;
import java.time.Duration;
import nl.leerlog.tool.admin.internal.audit.AdminAudit;
import nl.leerlog.tool.admin.internal.audit.AuditAction;
import nl.leerlog.tool.keys.KeyRotation;
import nl.leerlog.tool.keys.RotationTooSoonException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tool's signing keys: which one signs, which is published next, which are retired, and a button
 * that rotates now (the schedule rotates by itself). Every rotation is audited.
 */
@Controller
record ToolKeysController(KeyRotation rotation, AdminAudit audit, Clock clock) {

    @GetMapping("/admin/keys")
    String keys(Model model) {
        model.addAttribute("keys", rotation.keys());
        model.addAttribute("page", "keys");
        return "admin/keys";
    }

    @PostMapping("/admin/keys/rotate")
    String rotate(RedirectAttributes redirect) {
        try {
            rotation.rotateNow();
            audit.record(AuditAction.KEYS_ROTATED, "tool keys", "next key now signs; the old one stays published");
            redirect.addFlashAttribute("notice", "admin.keys.notice.rotated");
        } catch (RotationTooSoonException e) {
            long minutes = Math.max(
                    1,
                    Duration.between(clock.instant(), e.possibleAt())
                            .plusSeconds(59)
                            .toMinutes());
            redirect.addFlashAttribute("problemMinutes", minutes);
        }
        return "redirect:/admin/keys";
    }
}
