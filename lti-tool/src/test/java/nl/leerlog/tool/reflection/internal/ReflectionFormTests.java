package nl.leerlog.tool.reflection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.leerlog.tool.web.FieldErrors;
import org.junit.jupiter.api.Test;

class ReflectionFormTests {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aFinalReflectionNeedsATitleAndAnAnswerAtEveryStep() {
        FieldErrors errors = errors(new ReflectionForm(" ", answers("what", "Told the client", "so-what", " "), false));

        assertThat(errors.byField())
                .containsOnly(
                        Map.entry("title", "reflection.error.title-required"),
                        Map.entry("answer-so-what", "reflection.error.answer-required"));
    }

    @Test
    void aDraftMayLeaveStepsOpenButNotItsTitle() {
        FieldErrors errors = errors(new ReflectionForm("Halfway", answers("what", "", "so-what", ""), true));

        assertThat(errors.any()).isFalse();
        assertThat(errors(new ReflectionForm("", answers("what", ""), true)).byField())
                .containsOnly(Map.entry("title", "reflection.error.title-required"));
    }

    @Test
    void textThatDoesNotFitOrCannotBeStoredIsRefusedAtItsOwnField() {
        FieldErrors errors = errors(new ReflectionForm(
                "t".repeat(ReflectionForm.TITLE_MAX + 1),
                answers("what", "a".repeat(ReflectionForm.ANSWER_MAX + 1), "so-what", "nul\u0000here"),
                true));

        assertThat(errors.byField())
                .containsOnly(
                        Map.entry("title", "reflection.error.title-too-long"),
                        Map.entry("answer-what", "reflection.error.answer-too-long"),
                        Map.entry("answer-so-what", "reflection.error.answer-characters"));
    }

    @Test
    void aTitleWithSpaceAroundItCountsItsTextOnly() {
        String title = " " + "t".repeat(ReflectionForm.TITLE_MAX) + " ";

        assertThat(errors(new ReflectionForm(title, answers("what", "x"), false))
                        .any())
                .isFalse();
        assertThat(new ReflectionForm(title, answers("what", "x"), false)
                        .content()
                        .title())
                .hasSize(ReflectionForm.TITLE_MAX);
    }

    private static FieldErrors errors(ReflectionForm form) {
        return FieldErrors.of(VALIDATOR.validate(form));
    }

    private static Map<String, String> answers(String... keysAndValues) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            answers.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return answers;
    }
}
