package nl.leerlog.tool.programme.internal;

import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormState;

/** A competency of the programme's framework as a form (or one CSV row) gives it. */
public record CompetencyForm(String code, String name, String description) {

    public static final int CODE_LENGTH = 50;
    public static final int NAME_LENGTH = 300;
    public static final int DESCRIPTION_LENGTH = 4000;

    /** The checked competency, or the errors by field. */
    public record Checked(String code, String name, String description, FieldErrors errors) {}

    public Checked check() {
        FieldErrors.Builder errors = new FieldErrors.Builder();
        String checkedCode = errors.required("code", code, CODE_LENGTH);
        if (checkedCode != null && checkedCode.chars().anyMatch(Character::isWhitespace)) {
            // A code is what people type and what CSV files match on: one word, like "KT1" or "1.2".
            errors.reject("code", "programme.competency.error.code-spaces");
            checkedCode = null;
        }
        String checkedName = errors.required("name", name, NAME_LENGTH);
        String checkedDescription = errors.optional("description", description, DESCRIPTION_LENGTH);
        return new Checked(checkedCode, checkedName, checkedDescription, errors.build());
    }

    public FormState failed(String form, Long id, FieldErrors errors) {
        return FormState.of(form, id, errors, "code", code, "name", name, "description", description);
    }
}
