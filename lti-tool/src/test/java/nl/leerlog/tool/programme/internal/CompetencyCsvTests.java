package nl.leerlog.tool.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a competency framework is read from the CSV files people export from Excel. */
class CompetencyCsvTests {

    private static CompetencyCsv.Reading read(String text) {
        return CompetencyCsv.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[body.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(body, 0, file, 3, body.length);
        return file;
    }

    @Test
    void commaSeparatedFileWithHeaderGivesEveryRowWithItsLine() {
        CompetencyCsv.Reading reading =
                read("code,name,description\nKT1,Communiceren,\"Helder, en op tijd\"\nKT2,Plannen\n");

        assertThat(reading.fileError()).isNull();
        assertThat(reading.refused()).isEmpty();
        assertThat(reading.rows()).extracting(CompetencyCsv.Row::line).containsExactly(2L, 3L);
        assertThat(reading.rows().get(0).competency())
                .extracting(
                        CompetencyForm.Checked::code, CompetencyForm.Checked::name, CompetencyForm.Checked::description)
                .containsExactly("KT1", "Communiceren", "Helder, en op tijd");
        assertThat(reading.rows().get(1).competency().description()).isNull();
    }

    @Test
    void semicolonFileFromDutchExcelWithByteOrderMarkAndNoHeaderIsRead() {
        CompetencyCsv.Reading reading =
                CompetencyCsv.read(withBom("KT1;Communiceren;Met cliënten, collega's\r\nKT2;Plannen;\r\n"));

        assertThat(reading.fileError()).isNull();
        assertThat(reading.rows()).extracting(row -> row.competency().code()).containsExactly("KT1", "KT2");
        assertThat(reading.rows().get(0).competency().description()).isEqualTo("Met cliënten, collega's");
        assertThat(reading.rows()).extracting(CompetencyCsv.Row::line).containsExactly(1L, 2L);
    }

    @Test
    void headerAfterByteOrderMarkIsStillRecognisedAsHeader() {
        CompetencyCsv.Reading reading = CompetencyCsv.read(withBom("Code;Naam;Beschrijving\nKT1;Communiceren;\n"));

        assertThat(reading.refused()).isEmpty();
        assertThat(reading.rows())
                .singleElement()
                .extracting(CompetencyCsv.Row::line)
                .isEqualTo(2L);
    }

    @Test
    void badRowsAreRefusedWithTheirLineAndReasonWhileGoodRowsStay() {
        CompetencyCsv.Reading reading = read("""
                code,name,description
                KT1,Communiceren,
                ,Zonder code,
                KT3
                KT1,Dubbel,
                KT 4,Spatie,
                KT5,Plannen,Uitleg,Te veel
                KT6,%s,
                KT7,Reflecteren,
                """.formatted("x".repeat(301)));

        assertThat(reading.fileError()).isNull();
        assertThat(reading.rows()).extracting(row -> row.competency().code()).containsExactly("KT1", "KT7");
        assertThat(reading.refused())
                .containsExactly(
                        new CompetencyCsv.Refusal(3, "code", "programme.error.required"),
                        new CompetencyCsv.Refusal(4, null, "programme.import.refused.columns"),
                        new CompetencyCsv.Refusal(5, "code", "programme.import.refused.duplicate"),
                        new CompetencyCsv.Refusal(6, "code", "programme.competency.error.code-spaces"),
                        new CompetencyCsv.Refusal(7, null, "programme.import.refused.columns"),
                        new CompetencyCsv.Refusal(8, "name", "programme.error.too-long"));
    }

    @Test
    void aRowWithSeveralMistakesIsRefusedForTheFirstColumnAndItsFirstRule() {
        CompetencyCsv.Reading reading = read("""
                ,%s,
                KT 1%s,Communiceren,
                """.formatted("x".repeat(301), "x".repeat(50)));

        assertThat(reading.refused())
                .containsExactly(
                        new CompetencyCsv.Refusal(1, "code", "programme.error.required"),
                        new CompetencyCsv.Refusal(2, "code", "programme.error.too-long"));
    }

    @Test
    void emptyRowsAndTrailingSeparatorsAreIgnored() {
        CompetencyCsv.Reading reading = read("KT1;Communiceren;;\n;;\n\nKT2;Plannen;;\n");

        assertThat(reading.refused()).isEmpty();
        assertThat(reading.rows()).extracting(CompetencyCsv.Row::line).containsExactly(1L, 4L);
    }

    @Test
    void aQuotedDescriptionOverSeveralLinesKeepsTheLineNumbersOfLaterRows() {
        CompetencyCsv.Reading reading = read("KT1,Communiceren,\"regel een\nregel twee\"\n,geen code\n");

        assertThat(reading.rows().getFirst().competency().description()).isEqualTo("regel een\nregel twee");
        assertThat(reading.refused()).containsExactly(new CompetencyCsv.Refusal(3, "code", "programme.error.required"));
    }

    @Test
    void fileThatIsNotUtf8IsRefusedAsAWhole() {
        byte[] latin1 = "KT1;Cliëntgericht werken\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(CompetencyCsv.read(latin1).fileError()).isEqualTo("programme.import.error.encoding");
        assertThat(CompetencyCsv.read("KT1;Plannen\n".getBytes(StandardCharsets.UTF_16LE))
                        .fileError())
                .isEqualTo("programme.import.error.encoding");
    }

    @Test
    void fileWithAnUnclosedQuoteIsRefusedAsAWhole() {
        CompetencyCsv.Reading reading = read("KT1,Communiceren\nKT2,\"Plannen\nKT3,Reflecteren\n");

        assertThat(reading.fileError()).isEqualTo("programme.import.error.malformed");
        assertThat(reading.rows()).isEmpty();
    }

    @Test
    void emptyFileOrOnlyAHeaderIsRefused() {
        assertThat(read("").fileError()).isEqualTo("programme.import.error.empty");
        assertThat(read("code;name;description\n").fileError()).isEqualTo("programme.import.error.empty");
    }

    @Test
    void tooLargeFileIsRefusedBeforeReading() {
        byte[] large = new byte[CompetencyCsv.MAX_BYTES + 1];
        java.util.Arrays.fill(large, (byte) 'a');

        assertThat(CompetencyCsv.read(large).fileError()).isEqualTo("programme.import.error.too-large");
    }
}
