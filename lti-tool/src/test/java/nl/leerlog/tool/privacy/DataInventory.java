package nl.leerlog.tool.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data inventory of {@code src/docs/privacy.md} as written: the tables under {@code ## Data inventory}, each a
 * {@code #### `table`} heading, one line naming its purpose, basis, retention and readers, and a table of its
 * columns that says for each whether, and which, personal data it holds. Whatever does not follow that form is a
 * problem of its own, so the inventory stays readable by this test and by a privacy officer alike.
 */
record DataInventory(Map<String, Entry> tables, List<String> formProblems) {

    private static final String SECTION = "## Data inventory";
    private static final Pattern TABLE_HEADING = Pattern.compile("^####\\s+`([a-z0-9_]+)`\\s*$");
    private static final Pattern DESCRIPTION =
            Pattern.compile("^Purpose:\\s*(.+?)\\s+Basis:\\s*(.+?)\\s+Retention:\\s*(.+?)\\s+Readers:\\s*(.+)$");
    private static final Pattern COLUMN_ROW = Pattern.compile("^\\|\\s*`([a-z0-9_]+)`\\s*\\|\\s*(.*?)\\s*\\|\\s*$");
    private static final Pattern PERSONAL_DATA = Pattern.compile("^(no(?::\\s*\\S.*)?|yes:\\s*\\S.*)$");

    /** One table of the inventory: its description and each column's personal data, as written. */
    record Entry(String description, Map<String, String> personalDataByColumn) {}

    static DataInventory parse(String markdown) {
        Map<String, Entry> tables = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = markdown.split("\\R");
        int line = 0;
        while (line < lines.length && !lines[line].strip().equals(SECTION)) {
            line++;
        }
        if (line == lines.length) {
            problems.add("privacy.md has no section '" + SECTION + "'");
            return new DataInventory(tables, problems);
        }
        String table = null;
        String description = null;
        Map<String, String> columns = null;
        for (line++; line < lines.length; line++) {
            String text = lines[line].strip();
            if (text.startsWith("## ")) {
                break;
            }
            Matcher heading = TABLE_HEADING.matcher(text);
            Matcher row = COLUMN_ROW.matcher(text);
            if (heading.matches()) {
                finish(tables, problems, table, description, columns);
                table = heading.group(1);
                description = null;
                columns = new LinkedHashMap<>();
                if (tables.containsKey(table)) {
                    problems.add("the inventory lists table " + table + " twice");
                }
            } else if (table != null && text.startsWith("Purpose:")) {
                if (!DESCRIPTION.matcher(text).matches()) {
                    problems.add("table " + table + ": the line must read 'Purpose: … Basis: … Retention: …"
                            + " Readers: …', each filled in");
                }
                description = text;
            } else if (table != null && row.matches()) {
                String column = row.group(1);
                String personalData = row.group(2);
                if (columns.containsKey(column)) {
                    problems.add("the inventory lists column " + table + "." + column + " twice");
                }
                if (!PERSONAL_DATA.matcher(personalData).matches()) {
                    problems.add("column " + table + "." + column + ": personal data must be 'no' or 'yes: what"
                            + " it is', not '" + personalData + "'");
                }
                columns.put(column, personalData);
            } else if (text.startsWith("####")) {
                problems.add("'" + text + "' is not a table heading of the form #### `table_name`");
            }
        }
        finish(tables, problems, table, description, columns);
        return new DataInventory(tables, problems);
    }

    private static void finish(
            Map<String, Entry> tables,
            List<String> problems,
            String table,
            String description,
            Map<String, String> columns) {
        if (table == null) {
            return;
        }
        if (description == null) {
            problems.add("table " + table + " has no line 'Purpose: … Basis: … Retention: … Readers: …'");
        }
        tables.put(table, new Entry(description, columns));
    }
}
