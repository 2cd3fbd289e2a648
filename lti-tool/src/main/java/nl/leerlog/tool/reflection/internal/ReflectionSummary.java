package nl.leerlog.tool.reflection.internal;

import java.time.OffsetDateTime;

/** A line of the student's list of reflections. */
public record ReflectionSummary(
        long id, String title, long modelId, Reflection.MomentLink moment, boolean draft, OffsetDateTime createdAt) {}
