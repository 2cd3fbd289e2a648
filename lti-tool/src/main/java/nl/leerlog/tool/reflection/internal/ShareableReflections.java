package nl.leerlog.tool.reflection.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.leerlog.tool.guidance.ItemSnapshot;
import nl.leerlog.tool.guidance.ItemSnapshot.Part;
import nl.leerlog.tool.guidance.ShareableItem;
import nl.leerlog.tool.guidance.ShareableRecords;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.programme.ReflectionModel;
import nl.leerlog.tool.programme.ReflectionModels;
import org.springframework.stereotype.Component;

/** Reflections as items of a guidance question: final ones only, copied step by step as answered. */
@Component
record ShareableReflections(Reflections reflections, ReflectionModels models) implements ShareableRecords {

    @Override
    public String kind() {
        return "reflection";
    }

    @Override
    public List<ShareableItem> shareable(Owner owner) {
        return reflections.list(owner).stream()
                .filter(reflection -> !reflection.draft())
                .map(reflection -> new ShareableItem(
                        kind(),
                        reflection.id(),
                        reflection.title(),
                        reflection.createdAt().toLocalDate()))
                .toList();
    }

    @Override
    public Optional<ItemSnapshot> snapshot(Owner owner, long id, Locale locale) {
        return reflections
                .find(owner, id)
                .filter(reflection -> !reflection.draft())
                .map(reflection -> copy(reflection, models.find(owner.courseId(), reflection.modelId(), locale)));
    }

    private static ItemSnapshot copy(Reflection reflection, Optional<ReflectionModel> model) {
        List<Part> parts = model.map(ReflectionModel::steps).orElse(List.of()).stream()
                .filter(step -> !reflection.answer(step.key()).isBlank())
                .map(step -> Part.named(step.title(), reflection.answer(step.key())))
                .toList();
        if (reflection.moment() != null) {
            parts = new java.util.ArrayList<>(parts);
            parts.add(0, Part.fixed("guidance.part.moment", reflection.moment().title()));
        }
        return new ItemSnapshot(reflection.title(), reflection.createdAt().toLocalDate(), parts);
    }
}
