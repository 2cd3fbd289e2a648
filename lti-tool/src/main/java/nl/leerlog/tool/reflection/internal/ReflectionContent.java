package nl.leerlog.tool.reflection.internal;

import java.util.Map;

/** What a student writes in a reflection: a title and an answer per step key; a draft may leave steps empty. */
public record ReflectionContent(String title, boolean draft, Map<String, String> answers) {

    public ReflectionContent {
        answers = Map.copyOf(answers);
    }
}
