package nl.leerlog.tool.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of an uploaded CSV file as a spreadsheet writes it: separated by {@code ,} or by {@code ;} (what Excel
 * writes in Dutch), UTF-8 with or without a byte order mark, empty rows and trailing empty cells left out, each row
 * with the line a spreadsheet user sees it on. A file that is not such text is refused as a whole, with the reason.
 */
public final class CsvRows {

    /** Why a whole file is refused; {@link #key} names it under a feature's own message prefix. */
    public enum Problem {
        EMPTY,
        TOO_LARGE,
        ENCODING,
        MALFORMED,
        TOO_MANY_ROWS;

        /** The message key under {@code prefix}, e.g. {@code programme.import.error.too-large}. */
        public String key(String prefix) {
            return prefix + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A row with cells, and the line it starts on (from 1). */
    public record Row(long line, List<String> cells) {}

    /** The rows read, or the reason the whole file is refused. */
    public record Reading(List<Row> rows, Problem problem) {}

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvRows() {}

    public static Reading read(byte[] content, int maxBytes, int maxRows) {
        if (content == null || content.length == 0) {
            return new Reading(List.of(), Problem.EMPTY);
        }
        if (content.length > maxBytes) {
            return new Reading(List.of(), Problem.TOO_LARGE);
        }
        String text;
        try {
            text = utf8(content);
        } catch (CharacterCodingException notUtf8) {
            return new Reading(List.of(), Problem.ENCODING);
        }
        if (text.indexOf('\0') >= 0) {
            // UTF-16 text (Excel's "Unicode text") decodes as UTF-8 full of NULs.
            return new Reading(List.of(), Problem.ENCODING);
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        LineNumbers lines = new LineNumbers(text);
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = cells(record);
                if (cells.isEmpty()) {
                    continue;
                }
                if (rows.size() >= maxRows) {
                    return new Reading(List.of(), Problem.TOO_MANY_ROWS);
                }
                rows.add(new Row(lines.of(firstCharacter(text, record.getCharacterPosition())), cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            // Commons CSV reports an unclosed quote and the like this way: the file is not CSV as we know it.
            return new Reading(List.of(), Problem.MALFORMED);
        }
        return rows.isEmpty() ? new Reading(List.of(), Problem.EMPTY) : new Reading(List.copyOf(rows), null);
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

    /**
     * {@code ;} when the first line has more of them than commas, as in a file from Dutch Excel. Separators inside
     * quotes do not count: {@code "de Vries, Sanne";t1} is a semicolon file.
     */
    private static char delimiter(String text) {
        String firstLine =
                text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (char c : firstLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
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
            int index = Collections.binarySearch(starts, (int) position);
            return index >= 0 ? index + 1 : -index - 1;
        }
    }
}
