package nl.leerlog.tool.guidance.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.leerlog.tool.web.TypeableText;

/**
 * A question as the student fills it in: the chosen items as {@code kind:id}, at most three (the server's limit,
 * whatever the page allowed), a title, the question, the form of the answer and, optionally, moments that suit them.
 */
record AskForm(
        @Size(max = MAX_ITEMS, message = "guidance.error.too-many")
        List<String> items,

        @TypeableText(max = 200, required = true) String title,
        @TypeableText(max = 4000, required = true) String question,
        @NotNull(message = "guidance.error.answer-form") AnswerForm answerForm,
        @TypeableText(max = 1000) String preferredMoments) {

    static final int MAX_ITEMS = 3;

    AskForm {
        items = items == null ? List.of() : List.copyOf(items);
    }

    static AskForm empty() {
        return new AskForm(List.of(), "", "", AnswerForm.WRITTEN, "");
    }

    GuidanceQuestions.NewQuestion toQuestion() {
        return new GuidanceQuestions.NewQuestion(
                title.strip(),
                question.strip(),
                answerForm,
                preferredMoments == null || preferredMoments.isBlank() ? null : preferredMoments.strip());
    }
}
