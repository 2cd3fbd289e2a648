package nl.leerlog.tool.privacy.internal;

import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.privacy.ReadAudit;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Who looked: every read of what the student shared, by whom and when, newest first; and their requests to delete
 * their data of the course, with when each was carried out or cancelled.
 */
@Controller
@Section("privacy")
record WhoLookedController(ReadAudit audit, Erasures erasures) {

    @GetMapping("/student/privacy/reads")
    String reads(Owner owner, Model page) {
        page.addAttribute("reads", audit.of(owner));
        page.addAttribute("erasures", erasures.history(owner));
        return "privacy/reads";
    }
}
