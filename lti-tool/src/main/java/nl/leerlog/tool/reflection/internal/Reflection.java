package nl.leerlog.tool.reflection.internal;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A student's reflection as stored: its model, the learning moment it is about ({@code moment} null when standalone
 * or when that moment was deleted) and one answer per step key.
 */
public record Reflection(
        long id,
        long modelId,
        MomentLink moment,
        String title,
        boolean draft,
        Map<String, String> answers,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public Reflection {
        answers = Map.copyOf(answers);
    }

    public String answer(String stepKey) {
        return answers.getOrDefault(stepKey, "");
    }

    /** The learning moment a reflection is about, as a link back to it. */
    public record MomentLink(long id, String title) {}
}
