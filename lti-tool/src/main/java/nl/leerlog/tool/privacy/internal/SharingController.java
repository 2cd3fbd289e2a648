package nl.leerlog.tool.privacy.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.privacy.Share;
import nl.leerlog.tool.privacy.SharedRecords;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The student's sharing page: everything they share right now, with whom, where and since when (and until when, for
 * a link), each revoked with one button. Revoking is the sharing feature's own withdrawal ({@link SharedRecords}).
 */
@Controller
@Section("privacy")
class SharingController {

    private final Map<String, SharedRecords> features;
    private final Clock clock;

    SharingController(List<SharedRecords> features, Clock clock) {
        this.features = features.stream().collect(Collectors.toMap(SharedRecords::kind, Function.identity()));
        this.clock = clock;
    }

    @GetMapping("/student/privacy/sharing")
    String sharing(Owner owner, @RequestParam(required = false) String done, Model page) {
        List<Share> shares = features.values().stream()
                .flatMap(feature -> feature.sharedBy(owner).stream())
                .sorted(Comparator.comparing(Share::since).reversed())
                .toList();
        page.addAttribute("shares", shares);
        page.addAttribute("notice", "revoked".equals(done) ? Notice.of("privacy.sharing.revoked", null) : null);
        return "privacy/sharing";
    }

    /** A share that is not the student's, or no longer shared, is not found: nobody learns what others share. */
    @PostMapping("/student/privacy/sharing/revoke")
    String revoke(
            Owner owner, @RequestParam(required = false) String kind, @RequestParam(required = false) String ref) {
        SharedRecords feature = kind == null ? null : features.get(kind);
        if (feature == null || ref == null || ref.length() > 100 || !feature.revoke(owner, ref, clock.instant())) {
            throw Owner.notFound();
        }
        return FormAnswers.redirect("/student/privacy/sharing?done=revoked");
    }
}
