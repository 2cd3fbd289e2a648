package nl.leerlog.tool.learninglog.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceFiles;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The page of one learning moment, with the notice of the change that led there (saved, file deleted, ...). */
@Component
record MomentView(LearningMoments moments, EvidenceFiles evidence) {

    /** The changes a moment's page tells of, named in the address a change redirects to ({@code ?done=saved}). */
    enum Done {
        SAVED("saved", "log.notice.saved"),
        DRAFT_SAVED("draft-saved", "log.notice.draft-saved"),
        RESTORED("restored", "log.notice.restored"),
        EVIDENCE_RESTORED("evidence-restored", "log.notice.evidence-restored");

        final String parameter;
        final String messageKey;

        Done(String parameter, String messageKey) {
            this.parameter = parameter;
            this.messageKey = messageKey;
        }

        static Optional<Done> named(String parameter) {
            return Arrays.stream(values())
                    .filter(done -> done.parameter.equals(parameter))
                    .findFirst();
        }

        /** The moment's page that tells of this change. */
        String page(long momentId) {
            return "/student/log/" + momentId + "?done=" + parameter;
        }
    }

    /**
     * The moment with the notice of {@code done}, or of the file {@code deletedEvidence} that can still be
     * restored; an unknown or stale value in the address shows the page without a notice.
     */
    String show(Model model, HttpServletResponse response, Owner owner, long id, String done, Long deletedEvidence) {
        MomentDetails moment = moments.find(owner, id).orElseThrow(Owner::notFound);
        model.addAttribute("moment", moment);
        model.addAttribute("notice", notice(owner, moment, done, deletedEvidence));
        if (done != null || deletedEvidence != null) {
            FormAnswers.showAddress(response, "/student/log/" + id);
        }
        return "learninglog/moment";
    }

    private Notice notice(Owner owner, MomentDetails moment, String done, Long deletedEvidence) {
        if (deletedEvidence != null) {
            return evidence.deletedName(owner, moment.id(), deletedEvidence)
                    .map(name -> Notice.undoable(
                            "log.notice.evidence-deleted",
                            name,
                            "/student/log/" + moment.id() + "/evidence/" + deletedEvidence + "/restore"))
                    .orElse(null);
        }
        return Done.named(done)
                .map(change -> Notice.of(change.messageKey, moment.title()))
                .orElse(null);
    }
}
