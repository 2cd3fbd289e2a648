package nl.leerlog.tool.learninglog.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceItem;
import nl.leerlog.tool.programme.Choice;

/**
 * Everything about one of the student's learning moments, as its page and its edit form show it; {@code
 * fromSupervisor} names the workplace supervisor whose answer it is, or is null for the student's own.
 */
public record MomentDetails(
        long id,
        LocalDate occurredOn,
        Integer minutesSpent,
        String title,
        String bodySource,
        String bodyHtml,
        Choice category,
        List<Choice> goals,
        List<Choice> competencies,
        List<Person> people,
        boolean draft,
        Instant updatedAt,
        List<EvidenceItem> evidence,
        String fromSupervisor) {

    public Set<Long> goalIds() {
        return ids(goals);
    }

    public Set<Long> competencyIds() {
        return ids(competencies);
    }

    private static Set<Long> ids(List<Choice> choices) {
        return choices.stream().map(Choice::id).collect(java.util.stream.Collectors.toSet());
    }
}
