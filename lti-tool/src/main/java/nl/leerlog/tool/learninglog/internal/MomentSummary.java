package nl.leerlog.tool.learninglog.internal;

import java.time.LocalDate;

/** One row of the learning log's list. */
public record MomentSummary(
        long id,
        LocalDate occurredOn,
        String title,
        String category,
        Integer minutesSpent,
        boolean draft,
        int evidenceCount) {}
