package nl.leerlog.tool.learninglog;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the student's own analytics needs of one learning moment that is not deleted: when it happened, the time spent
 * and what it is linked to. No title or text: the figures never show what was written.
 */
public record MomentFact(
        long id,
        LocalDate occurredOn,
        Integer minutesSpent,
        Long categoryId,
        boolean draft,
        Set<Long> goalIds,
        Set<Long> competencyIds) {

    public MomentFact {
        goalIds = Set.copyOf(goalIds);
        competencyIds = Set.copyOf(competencyIds);
    }
}
