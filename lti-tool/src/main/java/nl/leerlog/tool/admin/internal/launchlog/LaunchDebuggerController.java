package nl.leerlog.tool.admin.internal.launchlog;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The launch debugger: the newest refused logins and launches with their error id, reason and the claims the
 * platform sent, and a search by the error id that the failure page showed the user.
 */
@Controller
record LaunchDebuggerController(LaunchLog launches) {

    static final int SHOWN = 100;

    /** A refusal with its claims ready to read. */
    public record Refusal(LaunchLog.LaunchEvent event, String prettyClaims) {}

    @GetMapping("/admin/launches")
    String launches(
            @RequestParam(name = "error-id", required = false) String errorId,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model) {
        List<Refusal> refusals = launches.refusals(errorId, SHOWN).stream()
                .map(event -> new Refusal(event, launches.prettyClaims(event)))
                .toList();
        model.addAttribute("refusals", refusals);
        model.addAttribute("errorId", errorId == null ? "" : errorId.strip());
        model.addAttribute("searched", errorId != null && !errorId.isBlank());
        model.addAttribute("page", "launches");
        // A search through htmx replaces the results only; going back in history needs the whole page.
        return htmx != null && historyRestore == null ? "admin/launches :: results" : "admin/launches";
    }
}
