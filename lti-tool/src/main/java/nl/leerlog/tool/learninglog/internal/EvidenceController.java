package nl.leerlog.tool.learninglog.internal;

import java.time.Clock;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceDownload;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceFiles;
import nl.leerlog.tool.web.Downloads;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Section;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A moment's evidence files: download, delete (soft, with undo) and restore. Only the owner gets anything. */
@Controller
@Section("log")
record EvidenceController(EvidenceFiles evidence, Clock clock) {

    /**
     * Always an attachment with the type found in the content, named after that type, and nosniff: an uploaded file
     * can never run as a page of Leerlog, nor be saved under an extension that opens it as something else.
     */
    @GetMapping("/student/log/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> download(Owner owner, @PathVariable long id, @PathVariable long evidenceId) {
        EvidenceDownload file = evidence.download(owner, id, evidenceId).orElseThrow(Owner::notFound);
        return Downloads.attachment(file.downloadName(), MediaType.parseMediaType(file.contentType()), file.content());
    }

    @PostMapping("/student/log/{id}/evidence/{evidenceId}/delete")
    String delete(Owner owner, @PathVariable long id, @PathVariable long evidenceId) {
        evidence.delete(owner, id, evidenceId, clock.instant());
        return FormAnswers.redirect("/student/log/" + id + "?evidence-deleted=" + evidenceId);
    }

    @PostMapping("/student/log/{id}/evidence/{evidenceId}/restore")
    String restore(Owner owner, @PathVariable long id, @PathVariable long evidenceId) {
        evidence.restore(owner, id, evidenceId);
        return FormAnswers.redirect(MomentView.Done.EVIDENCE_RESTORED.page(id));
    }
}
