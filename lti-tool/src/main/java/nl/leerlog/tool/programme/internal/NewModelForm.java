package nl.leerlog.tool.programme.internal;

import java.util.ArrayList;
import java.util.List;
import nl.leerlog.tool.programme.ReflectionModels;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormState;

/**
 * A programme's own reflection model as the form sends it: names in Dutch and English and up to
 * {@link #STEP_ROWS} steps, each a title and a prompt in both languages. Rows left empty are not steps.
 */
public record NewModelForm(
        String nameNl,
        String nameEn,
        List<String> titleNl,
        List<String> titleEn,
        List<String> promptNl,
        List<String> promptEn) {

    /** How many step rows the form offers: enough for every built-in model (STARR(T) and Gibbs have six). */
    public static final int STEP_ROWS = 8;

    static final int NAME_LENGTH = 200;
    static final int TITLE_LENGTH = 200;
    static final int PROMPT_LENGTH = 2000;

    public NewModelForm {
        titleNl = rows(titleNl);
        titleEn = rows(titleEn);
        promptNl = rows(promptNl);
        promptEn = rows(promptEn);
    }

    /** The checked model, or the errors by field ({@code nameNl}, {@code titleEn-2}, {@code steps}...). */
    public record Checked(String nameNl, String nameEn, List<ReflectionModels.NewStep> steps, FieldErrors errors) {}

    public Checked check() {
        FieldErrors.Builder errors = new FieldErrors.Builder();
        String checkedNameNl = errors.required("nameNl", nameNl, NAME_LENGTH);
        String checkedNameEn = errors.required("nameEn", nameEn, NAME_LENGTH);
        List<ReflectionModels.NewStep> steps = new ArrayList<>();
        for (int i = 0; i < STEP_ROWS; i++) {
            if (titleNl.get(i).isBlank()
                    && titleEn.get(i).isBlank()
                    && promptNl.get(i).isBlank()
                    && promptEn.get(i).isBlank()) {
                continue;
            }
            steps.add(new ReflectionModels.NewStep(
                    errors.required("titleNl-" + i, titleNl.get(i), TITLE_LENGTH),
                    errors.required("titleEn-" + i, titleEn.get(i), TITLE_LENGTH),
                    errors.required("promptNl-" + i, promptNl.get(i), PROMPT_LENGTH),
                    errors.required("promptEn-" + i, promptEn.get(i), PROMPT_LENGTH)));
        }
        if (steps.isEmpty()) {
            errors.reject("steps", "programme.model.error.no-steps");
        }
        return new Checked(checkedNameNl, checkedNameEn, List.copyOf(steps), errors.build());
    }

    public FormState failed(FieldErrors errors) {
        List<String> values = new ArrayList<>(List.of("nameNl", nullToEmpty(nameNl), "nameEn", nullToEmpty(nameEn)));
        for (int i = 0; i < STEP_ROWS; i++) {
            values.addAll(List.of(
                    "titleNl-" + i,
                    titleNl.get(i),
                    "titleEn-" + i,
                    titleEn.get(i),
                    "promptNl-" + i,
                    promptNl.get(i),
                    "promptEn-" + i,
                    promptEn.get(i)));
        }
        return FormState.of("model", null, errors, values.toArray(String[]::new));
    }

    /** Exactly {@link #STEP_ROWS} values; a browser sends one per input, a hand-made request may not. */
    private static List<String> rows(List<String> sent) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < STEP_ROWS; i++) {
            rows.add(sent != null && i < sent.size() && sent.get(i) != null ? sent.get(i) : "");
        }
        return List.copyOf(rows);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
