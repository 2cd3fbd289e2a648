package nl.leerlog.tool.programme.internal;

import java.util.Locale;
import nl.leerlog.tool.programme.Goal;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormState;

/** A learning goal or learning question as a form sends it, the programme's or a student's own. */
public record GoalForm(String kind, String title, String description) {

    public static final int TITLE_LENGTH = 500;
    public static final int DESCRIPTION_LENGTH = 4000;

    /** The checked goal, or the errors by field. */
    public record Checked(Goal.Kind kind, String title, String description, FieldErrors errors) {}

    public Checked check() {
        FieldErrors.Builder errors = new FieldErrors.Builder();
        Goal.Kind checkedKind = null;
        try {
            checkedKind = Goal.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            errors.reject("kind", "programme.goal.error.kind");
        }
        String checkedTitle = errors.required("title", title, TITLE_LENGTH);
        String checkedDescription = errors.optional("description", description, DESCRIPTION_LENGTH);
        return new Checked(checkedKind, checkedTitle, checkedDescription, errors.build());
    }

    public FormState failed(String form, Long id, FieldErrors errors) {
        return FormState.of(form, id, errors, "kind", kind, "title", title, "description", description);
    }
}
