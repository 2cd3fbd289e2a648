package nl.leerlog.tool.programme.internal;

import jakarta.validation.Validator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a competency framework from CSV into a course: existing codes are updated, new ones added, and rows that
 * are no competency are reported with their line. All of it is one transaction, so a file that fails half-way
 * (or a database that refuses a row) leaves the framework as it was. A file with refused rows still imports its
 * good rows: the report names the refused lines, and importing the corrected file again only updates.
 */
@Service
public class CompetencyImport {

    /** What an import did, or why the whole file was refused (a message key in {@code fileError}). */
    public record Report(int added, int updated, List<CompetencyCsv.Refusal> refused, String fileError) {

        public boolean failed() {
            return fileError != null;
        }
    }

    private final Competencies competencies;
    private final Validator validator;

    public CompetencyImport(Competencies competencies, Validator validator) {
        this.competencies = competencies;
        this.validator = validator;
    }

    @Transactional
    public Report importCsv(long courseId, byte[] content) {
        CompetencyCsv.Reading reading = CompetencyCsv.read(content, validator);
        if (reading.fileError() != null) {
            return new Report(0, 0, List.of(), reading.fileError());
        }
        int added = 0;
        int updated = 0;
        for (CompetencyCsv.Row row : reading.rows()) {
            CompetencyForm.Checked competency = row.competency();
            switch (competencies.store(courseId, competency.code(), competency.name(), competency.description())) {
                case ADDED -> added++;
                case UPDATED -> updated++;
            }
        }
        return new Report(added, updated, reading.refused(), null);
    }
}
