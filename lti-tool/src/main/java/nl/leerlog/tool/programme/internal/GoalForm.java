package nl.leerlog.tool.programme.internal;

import jakarta.validation.constraints.NotBlank;
import nl.leerlog.tool.programme.Goal;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormState;
import nl.leerlog.tool.web.OneOf;
import nl.leerlog.tool.web.TypeableText;
import nl.leerlog.tool.web.TypeableTextRule;

/**
 * A learning goal or learning question as a form sends it, the programme's or a student's own, checked by the
 * constraints on it when bound with {@code @Valid}.
 */
public record GoalForm(
        @NotBlank(message = "programme.goal.error.kind")
        @OneOf(value = Goal.Kind.class, message = "programme.goal.error.kind")
        String kind,

        @TypeableText(max = GoalForm.TITLE_LENGTH, required = true)
        String title,

        @TypeableText(max = GoalForm.DESCRIPTION_LENGTH) String description) {

    public static final int TITLE_LENGTH = 500;
    public static final int DESCRIPTION_LENGTH = 4000;

    /** The goal of a valid form: its kind and the stripped text, a blank description as {@code null}. */
    public record Checked(Goal.Kind kind, String title, String description) {}

    public Checked checked() {
        return new Checked(
                OneOf.Validator.constant(Goal.Kind.class, kind),
                TypeableTextRule.stripped(title),
                TypeableTextRule.stripped(description));
    }

    public FormState failed(String form, Long id, FieldErrors errors) {
        return FormState.of(form, id, errors, "kind", kind, "title", title, "description", description);
    }
}
