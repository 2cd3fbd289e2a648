package nl.leerlog.tool.programme;

import java.util.List;

/** A reflection model in the reader's language: its steps in order, each with a title and a prompt. */
public record ReflectionModel(long id, String key, String name, String description, boolean builtIn, List<Step> steps) {

    public ReflectionModel {
        steps = List.copyOf(steps);
    }

    /** One step of a model; answers are stored under its {@code key}. */
    public record Step(int position, String key, String title, String prompt) {}
}
