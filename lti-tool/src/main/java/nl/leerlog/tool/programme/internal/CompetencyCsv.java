package nl.leerlog.tool.programme.internal;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.tool.web.CsvRows;
import nl.leerlog.tool.web.FieldErrors;

/**
 * Reads a competency framework from CSV: columns {@code code,name,description}, the header row optional, separated
 * by {@code ,} or by {@code ;} (what Excel writes in Dutch), UTF-8 with or without a byte order mark. Rows that
 * cannot be competencies are refused one by one with their line number; a file that is not CSV text at all is
 * refused as a whole.
 */
public final class CompetencyCsv {

    public static final int MAX_BYTES = 1_000_000;
    public static final int MAX_ROWS = 5_000;

    /** A row that is a competency, with the line it starts on. */
    public record Row(long line, CompetencyForm.Checked competency) {}

    /** A refused row: its line, the column at fault (or {@code null} for the whole row) and a message key. */
    public record Refusal(long line, String column, String reason) {}

    /** The rows read, the rows refused, or the reason the whole file is refused (a message key). */
    public record Reading(List<Row> rows, List<Refusal> refused, String fileError) {

        static Reading refused(String fileError) {
            return new Reading(List.of(), List.of(), fileError);
        }
    }

    private CompetencyCsv() {}

    /** Reads with Bean Validation's default validator: the same constraints as the Spring one. */
    public static Reading read(byte[] content) {
        return read(content, DefaultValidator.VALIDATOR);
    }

    /** Each row is checked as the competency form is, by the constraints on {@link CompetencyForm}. */
    public static Reading read(byte[] content, Validator validator) {
        CsvRows.Reading file = CsvRows.read(content, MAX_BYTES, MAX_ROWS);
        if (file.problem() != null) {
            return Reading.refused(file.problem().key("programme.import.error."));
        }
        List<Row> rows = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        Map<String, Long> codes = new HashMap<>();
        List<CsvRows.Row> lines = file.rows();
        boolean header = lines.getFirst().cells().getFirst().equalsIgnoreCase("code");
        for (CsvRows.Row row : header ? lines.subList(1, lines.size()) : lines) {
            long line = row.line();
            List<String> cells = row.cells();
            if (cells.size() < 2 || cells.size() > 3) {
                refused.add(new Refusal(line, null, "programme.import.refused.columns"));
                continue;
            }
            CompetencyForm form =
                    new CompetencyForm(cells.get(0), cells.get(1), cells.size() > 2 ? cells.get(2) : null);
            FieldErrors errors = FieldErrors.of(validator.validate(form));
            if (errors.any()) {
                // The first column at fault, in the order of the columns.
                String column = errors.byField().keySet().iterator().next();
                refused.add(new Refusal(line, column, errors.get(column)));
                continue;
            }
            CompetencyForm.Checked competency = form.checked();
            Long earlier = codes.putIfAbsent(competency.code().toLowerCase(Locale.ROOT), line);
            if (earlier != null) {
                refused.add(new Refusal(line, "code", "programme.import.refused.duplicate"));
                continue;
            }
            rows.add(new Row(line, competency));
        }
        if (rows.isEmpty() && refused.isEmpty()) {
            return Reading.refused("programme.import.error.empty");
        }
        return new Reading(List.copyOf(rows), List.copyOf(refused), null);
    }

    /** Built once, when first read without Spring's. */
    private static final class DefaultValidator {
        static final Validator VALIDATOR =
                Validation.buildDefaultValidatorFactory().getValidator();
    }
}
