package nl.leerlog.tool.learninglog.internal;

import java.time.Instant;
import java.util.List;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceFiles;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceUpload;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves a moment and its new evidence files together: either both are kept or neither. */
@Service
class MomentSaving {

    private final LearningMoments moments;
    private final EvidenceFiles evidence;

    MomentSaving(LearningMoments moments, EvidenceFiles evidence) {
        this.moments = moments;
        this.evidence = evidence;
    }

    @Transactional
    long create(Owner owner, MomentContent content, List<EvidenceUpload> files, Instant now) {
        long id = moments.create(owner, content, now);
        files.forEach(file -> evidence.add(owner, id, file, now));
        return id;
    }

    @Transactional
    void update(Owner owner, long id, MomentContent content, List<EvidenceUpload> files, Instant now) {
        moments.update(owner, id, content, now);
        files.forEach(file -> evidence.add(owner, id, file, now));
    }
}
