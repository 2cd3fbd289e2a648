package nl.leerlog.tool.reflection;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * What the student's own analytics needs of one reflection that is not deleted: when it was written, with which
 * model, and which of its steps have an answer. No answers themselves.
 */
public record ReflectionFact(
        long id, OffsetDateTime createdAt, boolean draft, long modelId, Set<String> answeredSteps) {

    public ReflectionFact {
        answeredSteps = Set.copyOf(answeredSteps);
    }
}
