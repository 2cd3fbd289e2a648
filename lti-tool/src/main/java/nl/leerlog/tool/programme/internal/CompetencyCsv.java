package nl.leerlog.tool.programme.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CompetencyCsv() {}

    public static Reading read(byte[] content) {
        if (content == null || content.length == 0) {
            return Reading.refused("programme.import.error.empty");
        }
        if (content.length > MAX_BYTES) {
            return Reading.refused("programme.import.error.too-large");
        }
        String text;
        try {
            text = utf8(content);
        } catch (CharacterCodingException notUtf8) {
            return Reading.refused("programme.import.error.encoding");
        }
        if (text.indexOf('\0') >= 0) {
            // UTF-16 text (Excel's "Unicode text") decodes as UTF-8 full of NULs.
            return Reading.refused("programme.import.error.encoding");
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        LineNumbers lines = new LineNumbers(text);
        List<Row> rows = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        Map<String, Long> codes = new HashMap<>();
        boolean first = true;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                long line = lines.of(firstCharacter(text, record.getCharacterPosition()));
                List<String> cells = cells(record);
                if (first && !cells.isEmpty() && cells.getFirst().equalsIgnoreCase("code")) {
                    first = false;
                    continue;
                }
                first = false;
                if (cells.isEmpty()) {
                    continue;
                }
                if (rows.size() + refused.size() >= MAX_ROWS) {
                    return Reading.refused("programme.import.error.too-many-rows");
                }
                if (cells.size() < 2 || cells.size() > 3) {
                    refused.add(new Refusal(line, null, "programme.import.refused.columns"));
                    continue;
                }
                CompetencyForm.Checked competency =
                        new CompetencyForm(cells.get(0), cells.get(1), cells.size() > 2 ? cells.get(2) : null).check();
                if (competency.errors().any()) {
                    String column =
                            competency.errors().byField().keySet().iterator().next();
                    refused.add(new Refusal(line, column, competency.errors().get(column)));
                    continue;
                }
                Long earlier = codes.putIfAbsent(competency.code().toLowerCase(Locale.ROOT), line);
                if (earlier != null) {
                    refused.add(new Refusal(line, "code", "programme.import.refused.duplicate"));
                    continue;
                }
                rows.add(new Row(line, competency));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            // Commons CSV reports an unclosed quote and the like this way: the file is not CSV as we know it.
            return Reading.refused("programme.import.error.malformed");
        }
        if (rows.isEmpty() && refused.isEmpty()) {
            return Reading.refused("programme.import.error.empty");
        }
        return new Reading(List.copyOf(rows), List.copyOf(refused), null);
    }

    /**
     * Where a record's text starts: Commons CSV gives the position after the previous record, before the empty
     * lines it skipped, and a spreadsheet user wants the line the row is on.
     */
    private static long firstCharacter(String text, long position) {
        int at = (int) position;
        while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
            at++;
        }
        return at;
    }

    private static String utf8(byte[] content) throws CharacterCodingException {
        int start = content.length >= 3 && Arrays.equals(content, 0, 3, UTF8_BOM, 0, 3) ? 3 : 0;
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content, start, content.length - start))
                .toString();
    }

    /** {@code ;} when the first line has more of them than commas, as in a file from Dutch Excel. */
    private static char delimiter(String text) {
        String firstLine =
                text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        long semicolons = firstLine.chars().filter(c -> c == ';').count();
        long commas = firstLine.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    /** The row's cells without the empty ones Excel adds at the end; no cells for an empty row like {@code ;;}. */
    private static List<String> cells(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.toList());
        while (!cells.isEmpty() && cells.getLast().isBlank()) {
            cells.removeLast();
        }
        return cells;
    }

    /** Line numbers (from 1) of character positions, so a refusal names the line a spreadsheet user sees. */
    private static final class LineNumbers {

        private final List<Integer> starts = new ArrayList<>();

        LineNumbers(String text) {
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
        }

        long of(long position) {
            int index = java.util.Collections.binarySearch(starts, (int) position);
            return index >= 0 ? index + 1 : -index - 1;
        }
    }
}
