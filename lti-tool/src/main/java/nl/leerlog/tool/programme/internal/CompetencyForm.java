package nl.leerlog.tool.programme.internal;

import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormState;
import nl.leerlog.tool.web.OneWord;
import nl.leerlog.tool.web.TypeableText;
import nl.leerlog.tool.web.TypeableTextRule;

/**
 * A competency of the programme's framework as a form (bound with {@code @Valid}) or one CSV row (validated by
 * {@link CompetencyCsv}) gives it: the same constraints for both.
 */
public record CompetencyForm(
        // A code is what people type and what CSV files match on: one word, like "KT1" or "1.2".
        @TypeableText(max = CompetencyForm.CODE_LENGTH, required = true)
        @OneWord(message = "programme.competency.error.code-spaces")
        String code,

        @TypeableText(max = CompetencyForm.NAME_LENGTH, required = true)
        String name,

        @TypeableText(max = CompetencyForm.DESCRIPTION_LENGTH)
        String description) {

    public static final int CODE_LENGTH = 50;
    public static final int NAME_LENGTH = 300;
    public static final int DESCRIPTION_LENGTH = 4000;

    /** The competency of a valid form: stripped text, a blank description as {@code null}. */
    public record Checked(String code, String name, String description) {}

    public Checked checked() {
        return new Checked(
                TypeableTextRule.stripped(code),
                TypeableTextRule.stripped(name),
                TypeableTextRule.stripped(description));
    }

    public FormState failed(String form, Long id, FieldErrors errors) {
        return FormState.of(form, id, errors, "code", code, "name", name, "description", description);
    }
}
