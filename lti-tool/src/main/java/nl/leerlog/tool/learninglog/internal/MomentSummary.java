package nl.leerlog.tool.learninglog.internal;

import java.time.LocalDate;

/** One row of the learning log's list; {@code fromSupervisor} names the supervisor whose answer it is, or is null. */
public record MomentSummary(
        long id,
        LocalDate occurredOn,
        String title,
        String category,
        Integer minutesSpent,
        boolean draft,
        int evidenceCount,
        String fromSupervisor) {}
