package nl.leerlog.tool.programme.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leerlog.tool.programme.ReflectionModels;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormState;
import nl.leerlog.tool.web.TypeableText;
import nl.leerlog.tool.web.TypeableTextRule;

/**
 * A programme's own reflection model as the form sends it: names in Dutch and English and up to
 * {@link #STEP_ROWS} steps, each a title and a prompt in both languages. Rows left empty are not steps.
 */
public record NewModelForm(
        @TypeableText(max = NewModelForm.NAME_LENGTH, required = true)
        String nameNl,

        @TypeableText(max = NewModelForm.NAME_LENGTH, required = true)
        String nameEn,

        List<@TypeableText(max = NewModelForm.TITLE_LENGTH) String> titleNl,
        List<@TypeableText(max = NewModelForm.TITLE_LENGTH) String> titleEn,
        List<@TypeableText(max = NewModelForm.PROMPT_LENGTH) String> promptNl,
        List<@TypeableText(max = NewModelForm.PROMPT_LENGTH) String> promptEn) {

    /** How many step rows the form offers: enough for every built-in model (STARR(T) and Gibbs have six). */
    public static final int STEP_ROWS = 8;

    static final int NAME_LENGTH = 200;
    static final int TITLE_LENGTH = 200;
    static final int PROMPT_LENGTH = 2000;

    private static final List<String> CELLS = List.of("titleNl", "titleEn", "promptNl", "promptEn");

    public NewModelForm {
        titleNl = rows(titleNl);
        titleEn = rows(titleEn);
        promptNl = rows(promptNl);
        promptEn = rows(promptEn);
    }

    /**
     * The errors by field as the page names them ({@code nameNl}, {@code titleEn-2}, {@code steps}): what the
     * constraints found, and the rules between the cells of the rows: a row that is a step has all four cells
     * filled in, and a model has at least one step.
     */
    public FieldErrors errors(FieldErrors bound) {
        Map<String, String> errors = new LinkedHashMap<>();
        bound.byField().forEach((field, key) -> errors.putIfAbsent(field.replaceFirst("\\[(\\d+)]$", "-$1"), key));
        boolean steps = false;
        for (int i = 0; i < STEP_ROWS; i++) {
            List<String> row = row(i);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            steps = true;
            for (int cell = 0; cell < CELLS.size(); cell++) {
                if (row.get(cell).isBlank()) {
                    errors.putIfAbsent(CELLS.get(cell) + "-" + i, "programme.error.required");
                }
            }
        }
        if (!steps) {
            errors.putIfAbsent("steps", "programme.model.error.no-steps");
        }
        return new FieldErrors(errors);
    }

    /** The steps of a valid form, the rows left empty skipped, with stripped text. */
    public List<ReflectionModels.NewStep> steps() {
        List<ReflectionModels.NewStep> steps = new ArrayList<>();
        for (int i = 0; i < STEP_ROWS; i++) {
            List<String> row = row(i).stream().map(TypeableTextRule::stripped).toList();
            if (row.stream().anyMatch(java.util.Objects::nonNull)) {
                steps.add(new ReflectionModels.NewStep(row.get(0), row.get(1), row.get(2), row.get(3)));
            }
        }
        return List.copyOf(steps);
    }

    private List<String> row(int i) {
        return List.of(titleNl.get(i), titleEn.get(i), promptNl.get(i), promptEn.get(i));
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
