package nl.leerlog.tool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uploaded CSV as spreadsheets write it: rows with their line numbers, or the reason the whole file is refused. */
class CsvRowsTests {

    private static CsvRows.Reading read(String text) {
        return CsvRows.read(text.getBytes(StandardCharsets.UTF_8), 1_000, 10);
    }

    @Test
    void commasOrSemicolonsWithOrWithoutAByteOrderMark() {
        assertThat(read("a,b\r\nc,d\r\n").rows())
                .containsExactly(new CsvRows.Row(1, List.of("a", "b")), new CsvRows.Row(2, List.of("c", "d")));
        assertThat(read("\uFEFFa;b\nc;d").rows())
                .containsExactly(new CsvRows.Row(1, List.of("a", "b")), new CsvRows.Row(2, List.of("c", "d")));
    }

    @Test
    void quotedCellsKeepTheirSeparatorsAndLineBreaksAndEmptyRowsAreSkippedWithTheirLines() {
        CsvRows.Reading reading = read("\"de Vries, Sanne\";t1\n\n;;\n\"two\nlines\";t2 \n");

        assertThat(reading.problem()).isNull();
        assertThat(reading.rows())
                .containsExactly(
                        new CsvRows.Row(1, List.of("de Vries, Sanne", "t1")),
                        new CsvRows.Row(4, List.of("two\nlines", "t2")));
    }

    @Test
    void aFileThatIsNoCsvTextIsRefusedAsAWholeWithTheReason() {
        assertThat(CsvRows.read(new byte[0], 1_000, 10).problem()).isEqualTo(CsvRows.Problem.EMPTY);
        assertThat(read("\n;;\n").problem()).isEqualTo(CsvRows.Problem.EMPTY);
        assertThat(CsvRows.read("a,b".repeat(500).getBytes(StandardCharsets.UTF_8), 1_000, 10)
                        .problem())
                .isEqualTo(CsvRows.Problem.TOO_LARGE);
        assertThat(CsvRows.read("a,b\n".getBytes(StandardCharsets.UTF_16LE), 1_000, 10)
                        .problem())
                .isEqualTo(CsvRows.Problem.ENCODING);
        assertThat(CsvRows.read(new byte[] {(byte) 0xC3, 0x28}, 1_000, 10).problem())
                .isEqualTo(CsvRows.Problem.ENCODING);
        assertThat(read("a,\"never closed\n").problem()).isEqualTo(CsvRows.Problem.MALFORMED);
        assertThat(read("a\n".repeat(11)).problem()).isEqualTo(CsvRows.Problem.TOO_MANY_ROWS);
        assertThat(CsvRows.Problem.TOO_MANY_ROWS.key("links.import.error."))
                .isEqualTo("links.import.error.too-many-rows");
    }
}
