package nl.leerlog.tool.learninglog.internal;

import static nl.leerlog.schema.Tables.LEARNING_MOMENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.leerlog.tool.guidance.ItemSnapshot;
import nl.leerlog.tool.guidance.ItemSnapshot.Part;
import nl.leerlog.tool.guidance.ShareableItem;
import nl.leerlog.tool.guidance.ShareableRecords;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceFiles;
import nl.leerlog.tool.programme.Choice;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Learning moments as items of a guidance question: final ones only, copied with what the student wrote. */
@Component
record ShareableMoments(DSLContext db, LearningMoments moments, EvidenceFiles evidence) implements ShareableRecords {

    /** Enough to choose from on one page; older moments are found in the log and shared from there. */
    private static final int CHOICES = 200;

    @Override
    public String kind() {
        return "moment";
    }

    @Override
    public List<ShareableItem> shareable(Owner owner) {
        return db.select(LEARNING_MOMENT.ID, LEARNING_MOMENT.TITLE, LEARNING_MOMENT.OCCURRED_ON)
                .from(LEARNING_MOMENT)
                .where(owner.owns(LEARNING_MOMENT))
                .and(LEARNING_MOMENT.DELETED_AT.isNull())
                .and(LEARNING_MOMENT.DRAFT.isFalse())
                .orderBy(LEARNING_MOMENT.OCCURRED_ON.desc(), LEARNING_MOMENT.ID.desc())
                .limit(CHOICES)
                .fetch(r -> new ShareableItem(kind(), r.value1(), r.value2(), r.value3()));
    }

    @Override
    public Optional<ItemSnapshot> snapshot(Owner owner, long id, Locale locale) {
        return moments.find(owner, id).filter(moment -> !moment.draft()).map(moment -> copy(owner, moment));
    }

    private ItemSnapshot copy(Owner owner, MomentDetails moment) {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.fixed("guidance.part.what", moment.bodySource()));
        if (moment.minutesSpent() != null) {
            parts.add(Part.fixed("guidance.part.minutes", String.valueOf(moment.minutesSpent())));
        }
        if (moment.category() != null) {
            parts.add(Part.fixed("guidance.part.category", moment.category().label()));
        }
        if (!moment.goals().isEmpty()) {
            parts.add(Part.fixed("guidance.part.goals", labels(moment.goals())));
        }
        if (!moment.competencies().isEmpty()) {
            parts.add(Part.fixed("guidance.part.competencies", labels(moment.competencies())));
        }
        if (!moment.people().isEmpty()) {
            parts.add(Part.fixed(
                    "guidance.part.people",
                    moment.people().stream()
                            .map(person ->
                                    person.role() == null || person.role().isBlank()
                                            ? person.name()
                                            : person.name() + " (" + person.role() + ")")
                            .collect(Collectors.joining("\n"))));
        }
        // The files as they are now, under the name the owner's own download gives them.
        List<ItemSnapshot.File> files = moment.evidence().stream()
                .flatMap(file -> evidence.download(owner, moment.id(), file.id()).stream())
                .map(file -> new ItemSnapshot.File(file.downloadName(), file.contentType(), file.content()))
                .toList();
        return new ItemSnapshot(moment.title(), moment.occurredOn(), parts, files);
    }

    private static String labels(List<Choice> choices) {
        return choices.stream().map(Choice::label).collect(Collectors.joining("\n"));
    }
}
