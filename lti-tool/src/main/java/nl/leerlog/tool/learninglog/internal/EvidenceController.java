package nl.leerlog.tool.learninglog.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.learninglog.internal.MomentView.Notice;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceDownload;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceFiles;
import nl.leerlog.tool.web.Section;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A moment's evidence files: download, delete (soft, with undo) and restore. Only the owner gets anything. */
@Controller
@Section("log")
class EvidenceController {

    private final EvidenceFiles evidence;
    private final MomentView view;
    private final Clock clock;

    EvidenceController(EvidenceFiles evidence, MomentView view, Clock clock) {
        this.evidence = evidence;
        this.view = view;
        this.clock = clock;
    }

    /**
     * Always an attachment with the type found in the content, named after that type, and nosniff: an uploaded file
     * can never run as a page of Leerlog, nor be saved under an extension that opens it as something else.
     */
    @GetMapping("/student/log/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> download(Owner owner, @PathVariable long id, @PathVariable long evidenceId) {
        EvidenceDownload file = evidence.download(owner, id, evidenceId).orElseThrow(Owner::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.downloadName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(file.content());
    }

    @PostMapping("/student/log/{id}/evidence/{evidenceId}/delete")
    String delete(
            Owner owner,
            CurrentUser user,
            Model model,
            HttpServletResponse response,
            @PathVariable long id,
            @PathVariable long evidenceId) {
        String name = evidence.delete(owner, id, evidenceId, clock.instant());
        return view.afterChange(
                model,
                user,
                owner,
                id,
                new Notice(
                        "log.notice.evidence-deleted",
                        name,
                        "/student/log/" + id + "/evidence/" + evidenceId + "/restore"),
                response);
    }

    @PostMapping("/student/log/{id}/evidence/{evidenceId}/restore")
    String restore(
            Owner owner,
            CurrentUser user,
            Model model,
            HttpServletResponse response,
            @PathVariable long id,
            @PathVariable long evidenceId) {
        evidence.restore(owner, id, evidenceId);
        return view.afterChange(
                model, user, owner, id, new Notice("log.notice.evidence-restored", null, null), response);
    }
}
