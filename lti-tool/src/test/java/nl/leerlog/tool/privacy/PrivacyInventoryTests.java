package nl.leerlog.tool.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The data inventory in {@code src/docs/privacy.md} is what a school's privacy officer signs a DPIA on, so it lists
 * every table and column the migrations leave, and nothing that is gone. A migration that adds a column without
 * describing it fails here, naming the column and its migration.
 */
class PrivacyInventoryTests {

    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Path PRIVACY = Path.of("..", "src", "docs", "privacy.md");

    @Test
    void theInventoryListsEveryTableAndColumnOfTheMigrationsAndNothingElse() throws IOException {
        MigrationColumns schema = MigrationColumns.of(MIGRATIONS);
        DataInventory inventory = DataInventory.parse(Files.readString(PRIVACY));

        assertThat(schema.tableNames()).as("tables the migrations create").contains("app_user", "learning_moment");
        assertThat(problems(schema, inventory)).isEmpty();
    }

    @Test
    void aColumnThatAMigrationAddsWithoutAnEntryIsNamedWithItsMigration() {
        MigrationColumns schema = MigrationColumns.ofScripts(scripts(
                "V1__start.sql", "create table note (id bigint primary key, body text not null);",
                "V2__more.sql", "alter table note add column author_id bigint;"));
        DataInventory inventory = DataInventory.parse(inventory("""
                #### `note`
                Purpose: notes. Basis: task. Retention: a year. Readers: the author.

                | column | personal data |
                |---|---|
                | `id` | no |
                | `body` | yes: what the author wrote |
                """));

        assertThat(problems(schema, inventory))
                .containsExactly("column note.author_id (V2__more.sql) is not in the data inventory");
    }

    @Test
    void aTableThatNoMigrationCreatesAndAColumnThatWasDroppedAreNamed() {
        MigrationColumns schema = MigrationColumns.ofScripts(scripts(
                "V1__start.sql", "create table note (id bigint primary key, active boolean, title varchar(10));",
                "V2__drop.sql",
                        "alter table note drop column active; alter table note rename column title to heading;"));
        DataInventory inventory = DataInventory.parse(inventory("""
                #### `note`
                Purpose: notes. Basis: task. Retention: a year. Readers: the author.

                | column | personal data |
                |---|---|
                | `id` | no |
                | `active` | no |
                | `heading` | no |

                #### `old_note`
                Purpose: notes. Basis: task. Retention: a year. Readers: the author.

                | column | personal data |
                |---|---|
                | `id` | no |
                """));

        assertThat(problems(schema, inventory))
                .containsExactly(
                        "the data inventory lists column note.active, which no migration leaves",
                        "the data inventory lists table old_note, which no migration leaves");
    }

    @Test
    void aTableWithoutAnEntryIsNamedOnceAndADroppedTableNeedsNone() {
        MigrationColumns schema = MigrationColumns.ofScripts(scripts(
                "V1__start.sql", """
                        -- a comment with a ; and 'quotes'
                        create table lock_row (name varchar(64) primary key, constraint ck check (name <> ';'));
                        create table gone (id bigint);
                        insert into lock_row (name) values ('a;b -- c');
                        """,
                "V2__drop.sql", "drop table if exists gone;"));

        assertThat(problems(schema, DataInventory.parse(inventory(""))))
                .containsExactly("table lock_row (V1__start.sql) is not in the data inventory");
    }

    @Test
    void anEntryWithoutItsPurposeBasisRetentionAndReadersOrWithAnUnclearColumnIsNamed() {
        DataInventory inventory = DataInventory.parse(inventory("""
                #### `note`
                Purpose: notes. Retention: a year.

                | column | personal data |
                |---|---|
                | `id` | maybe |
                """));

        assertThat(inventory.formProblems())
                .containsExactly(
                        "table note: the line must read 'Purpose: … Basis: … Retention: … Readers: …', each filled in",
                        "column note.id: personal data must be 'no' or 'yes: what it is', not 'maybe'");
    }

    /** Each table and column the migrations leave without an entry, then each entry that nothing leaves. */
    static List<String> problems(MigrationColumns schema, DataInventory inventory) {
        List<String> problems = new ArrayList<>(inventory.formProblems());
        for (String table : schema.tableNames()) {
            DataInventory.Entry entry = inventory.tables().get(table);
            if (entry == null) {
                problems.add("table " + table + " (" + schema.tableOrigins().getOrDefault(table, "an ALTER TABLE")
                        + ") is not in the data inventory");
                continue;
            }
            schema.columns(table).forEach((column, migration) -> {
                if (!entry.personalDataByColumn().containsKey(column)) {
                    problems.add(
                            "column " + table + "." + column + " (" + migration + ") is not in the data inventory");
                }
            });
            entry.personalDataByColumn().keySet().stream()
                    .filter(column -> !schema.columns(table).containsKey(column))
                    .forEach(column -> problems.add(
                            "the data inventory lists column " + table + "." + column + ", which no migration leaves"));
        }
        inventory.tables().keySet().stream()
                .filter(table -> !schema.tableNames().contains(table))
                .forEach(table ->
                        problems.add("the data inventory lists table " + table + ", which no migration leaves"));
        return problems;
    }

    private static Map<String, String> scripts(String... namesAndSql) {
        Map<String, String> scripts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSql.length; i += 2) {
            scripts.put(namesAndSql[i], namesAndSql[i + 1]);
        }
        return scripts;
    }

    private static String inventory(String tables) {
        return "# Privacy\n\nText.\n\n## Data inventory\n\n" + tables + "\n## After\n\n#### `not_a_table_of_it`\n";
    }
}
