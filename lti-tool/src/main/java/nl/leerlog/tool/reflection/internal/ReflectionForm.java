package nl.leerlog.tool.reflection.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.leerlog.tool.programme.ReflectionModel;
import nl.leerlog.tool.web.TypeableText;
import nl.leerlog.tool.web.TypeableTextRule;

/**
 * A reflection form as the student sent it: the title and one answer per step of the model, each field named
 * {@code answer-<step key>}; the button pressed says whether it is a draft. Steps the model does not have are
 * ignored. The fields are the model's, which a coordinator names, so the form is read from the parameters by
 * {@link #read} rather than bound by property name, and then validated like every other form.
 */
@ReflectionForm.Answers
public record ReflectionForm(
        @TypeableText(max = ReflectionForm.TITLE_MAX, required = true, keys = "reflection.error.title-")
        String title,

        Map<String, String> answers,
        boolean draft) {

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

    /**
     * Each answer is free text that fits its column; a final reflection needs an answer for every step, a draft
     * can be saved halfway. A mistake is reported at the answer's own field, {@code answer-<step key>}.
     */
    @Documented
    @Constraint(validatedBy = Answers.Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Answers {

        String message() default "reflection.error.answer-characters";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<Answers, ReflectionForm> {

            private static final String KEYS = "reflection.error.answer-";

            @Override
            public boolean isValid(ReflectionForm form, ConstraintValidatorContext context) {
                TypeableTextRule rule = new TypeableTextRule(ANSWER_MAX, !form.draft(), false, KEYS);
                boolean valid = true;
                context.disableDefaultConstraintViolation();
                for (Map.Entry<String, String> answer : form.answers().entrySet()) {
                    String problem = rule.problem(answer.getValue());
                    if (problem != null) {
                        valid = false;
                        context.buildConstraintViolationWithTemplate(problem)
                                .addPropertyNode(ANSWER_PREFIX + answer.getKey())
                                .addConstraintViolation();
                    }
                }
                return valid;
            }
        }
    }
}
