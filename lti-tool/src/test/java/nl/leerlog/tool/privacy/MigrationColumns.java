package nl.leerlog.tool.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tables and columns that the Flyway migrations leave, replayed in version order from their SQL: CREATE TABLE,
 * ALTER TABLE … ADD / DROP / RENAME COLUMN, ALTER TABLE … RENAME TO and DROP TABLE. Each table and column keeps the
 * migration that made it, so a failure can say where to look.
 */
final class MigrationColumns {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)(?:_(\\d+))?__.*\\.sql");
    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?is)^create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([\\w.\"]+)\\s*\\((.*)\\)\\s*$");
    private static final Pattern ALTER_TABLE =
            Pattern.compile("(?is)^alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?([\\w.\"]+)\\s+(.*)$");
    private static final Pattern DROP_TABLE =
            Pattern.compile("(?is)^drop\\s+table\\s+(?:if\\s+exists\\s+)?(.*?)" + "(?:\\s+(?:cascade|restrict))?$");
    private static final Pattern RENAME_TABLE = Pattern.compile("(?is)^rename\\s+to\\s+([\\w.\"]+)$");
    private static final Pattern RENAME_COLUMN =
            Pattern.compile("(?is)^rename\\s+(?:column\\s+)?([\\w\"]+)\\s+to\\s+([\\w\"]+)$");
    private static final Pattern ADD_COLUMN =
            Pattern.compile("(?is)^add\\s+(?:column\\s+)?(?:if\\s+not\\s+exists\\s+)?([\\w\"]+)(?:\\s.*)?$");
    private static final Pattern DROP_COLUMN =
            Pattern.compile("(?is)^drop\\s+(?:column\\s+)?(?:if\\s+exists\\s+)?([\\w\"]+)(?:\\s.*)?$");
    private static final Set<String> NOT_COLUMNS =
            Set.of("constraint", "primary", "foreign", "unique", "check", "exclude", "index", "key");

    /** Each table's columns (in order), each naming the migration that added it. */
    private final Map<String, Map<String, String>> tables = new LinkedHashMap<>();

    private final Map<String, String> tableOrigins = new LinkedHashMap<>();

    static MigrationColumns of(Path folder) {
        MigrationColumns schema = new MigrationColumns();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path ->
                            VERSION.matcher(path.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt((Path path) -> version(path).get(0))
                            .thenComparingInt(path -> version(path).get(1)))
                    .toList()) {
                schema.apply(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schema;
    }

    static MigrationColumns ofScripts(Map<String, String> scriptsByName) {
        MigrationColumns schema = new MigrationColumns();
        scriptsByName.forEach(schema::apply);
        return schema;
    }

    Map<String, String> tableOrigins() {
        return tableOrigins;
    }

    /** The columns of {@code table} by name, each with the migration that added it. */
    Map<String, String> columns(String table) {
        return tables.getOrDefault(table, Map.of());
    }

    private static List<Integer> version(Path file) {
        Matcher matcher = VERSION.matcher(file.getFileName().toString());
        matcher.matches();
        return List.of(
                Integer.parseInt(matcher.group(1)), matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2)));
    }

    void apply(String migration, String sql) {
        for (String statement : statements(sql)) {
            Matcher create = CREATE_TABLE.matcher(statement);
            Matcher alter = ALTER_TABLE.matcher(statement);
            Matcher drop = DROP_TABLE.matcher(statement);
            if (create.matches()) {
                String table = name(create.group(1));
                Map<String, String> columns = new LinkedHashMap<>();
                for (String definition : topLevelParts(create.group(2))) {
                    String first = firstWord(definition);
                    if (!first.isEmpty() && !NOT_COLUMNS.contains(first)) {
                        columns.put(name(first), migration);
                    }
                }
                tables.put(table, columns);
                tableOrigins.put(table, migration);
            } else if (alter.matches()) {
                alter(migration, name(alter.group(1)), alter.group(2).strip());
            } else if (drop.matches()) {
                for (String table : drop.group(1).split(",")) {
                    tables.remove(name(table.strip()));
                    tableOrigins.remove(name(table.strip()));
                }
            }
        }
    }

    private void alter(String migration, String table, String actions) {
        Matcher renameTable = RENAME_TABLE.matcher(actions);
        if (renameTable.matches()) {
            String renamed = name(renameTable.group(1));
            tables.put(renamed, tables.remove(table));
            tableOrigins.put(renamed, migration);
            tableOrigins.remove(table);
            return;
        }
        Map<String, String> columns = tables.computeIfAbsent(table, unknown -> new LinkedHashMap<>());
        for (String action : topLevelParts(actions)) {
            Matcher renameColumn = RENAME_COLUMN.matcher(action);
            Matcher add = ADD_COLUMN.matcher(action);
            Matcher dropColumn = DROP_COLUMN.matcher(action);
            if (renameColumn.matches()) {
                columns.remove(name(renameColumn.group(1)));
                columns.put(name(renameColumn.group(2)), migration);
            } else if (add.matches() && !NOT_COLUMNS.contains(name(add.group(1)))) {
                columns.put(name(add.group(1)), migration);
            } else if (dropColumn.matches() && !NOT_COLUMNS.contains(name(dropColumn.group(1)))) {
                columns.remove(name(dropColumn.group(1)));
            }
        }
    }

    private static String name(String identifier) {
        String unqualified = identifier.substring(identifier.lastIndexOf('.') + 1);
        return unqualified.replace("\"", "").toLowerCase(Locale.ROOT);
    }

    private static String firstWord(String definition) {
        String stripped = definition.strip();
        int end = 0;
        while (end < stripped.length() && !Character.isWhitespace(stripped.charAt(end))) {
            end++;
        }
        return stripped.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** The script's statements without comments; a semicolon or dash inside a string literal is text. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (inString) {
                current.append(c);
                inString = c != '\'';
            } else if (c == '\'') {
                current.append(c);
                inString = true;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                current.append('\n');
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 1;
                current.append(' ');
            } else if (c == ';') {
                add(statements, current);
            } else {
                current.append(c);
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }

    /** The parts of a list separated by commas outside parentheses. */
    private static List<String> topLevelParts(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(list.substring(start).strip());
        return parts.stream().filter(part -> !part.isEmpty()).toList();
    }

    Set<String> tableNames() {
        return new LinkedHashSet<>(tables.keySet());
    }
}
