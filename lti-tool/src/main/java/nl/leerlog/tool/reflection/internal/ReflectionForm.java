package nl.leerlog.tool.reflection.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.leerlog.tool.programme.ReflectionModel;

/**
 * A reflection form as the student sent it: the title and one answer per step of the model, each field named
 * {@code answer-<step key>}; the button pressed says whether it is a draft. Steps the model does not have are
 * ignored; NUL characters, which no database text can hold, are dropped.
 */
public record ReflectionForm(String title, Map<String, String> answers, boolean draft) {

    static final int TITLE_MAX = 200;
    static final int ANSWER_MAX = 20_000;
    static final String ANSWER_PREFIX = "answer-";
    static final String DRAFT_ACTION = "draft";

    public ReflectionForm {
        answers = Map.copyOf(answers);
    }

    static ReflectionForm empty() {
        return new ReflectionForm("", Map.of(), true);
    }

    static ReflectionForm of(Reflection reflection) {
        return new ReflectionForm(reflection.title(), reflection.answers(), reflection.draft());
    }

    static ReflectionForm read(Map<String, String> params, ReflectionModel model) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (ReflectionModel.Step step : model.steps()) {
            answers.put(step.key(), params.getOrDefault(ANSWER_PREFIX + step.key(), ""));
        }
        return new ReflectionForm(params.getOrDefault("title", ""), answers, DRAFT_ACTION.equals(params.get("action")));
    }

    public String answer(String stepKey) {
        return answers.getOrDefault(stepKey, "");
    }

    /**
     * What is wrong with the form, by field ({@code title} or a step key): a title always; an answer for every
     * step only when the reflection is final, so a draft can be saved halfway.
     */
    Map<String, String> errors(ReflectionModel model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (title.isBlank()) {
            errors.put("title", "reflection.error.title-required");
        } else if (title.length() > TITLE_MAX) {
            errors.put("title", "reflection.error.title-too-long");
        }
        for (ReflectionModel.Step step : model.steps()) {
            String answer = answer(step.key());
            if (answer.length() > ANSWER_MAX) {
                errors.put(step.key(), "reflection.error.answer-too-long");
            } else if (!draft && answer.isBlank()) {
                errors.put(step.key(), "reflection.error.answer-required");
            }
        }
        return errors;
    }

    ReflectionContent content() {
        return new ReflectionContent(title.strip(), draft, answers);
    }

    /**
     * The content to store over {@code earlier}: this form's answers, and the earlier answers to steps the model no
     * longer has, which the form could not show, so a programme that changes its model loses none of them.
     */
    ReflectionContent contentKeeping(Reflection earlier, ReflectionModel model) {
        Map<String, String> all = new LinkedHashMap<>(earlierAnswers(earlier, model));
        all.putAll(answers);
        return new ReflectionContent(title.strip(), draft, all);
    }

    /** Answers of {@code reflection} to steps that {@code model} does not have (any more). */
    static Map<String, String> earlierAnswers(Reflection reflection, ReflectionModel model) {
        Map<String, String> earlier = new java.util.TreeMap<>(reflection.answers());
        model.steps().forEach(step -> earlier.remove(step.key()));
        return earlier;
    }
}
