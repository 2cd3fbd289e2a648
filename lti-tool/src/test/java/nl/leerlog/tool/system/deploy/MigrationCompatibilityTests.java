package nl.leerlog.tool.system.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations are expand-then-contract (ADR 7): during a rolling upgrade the previous release runs on the migrated
 * schema, so a migration after the first production release may not drop, rename or retype what that release
 * uses, unless its header says the release that stopped using it.
 */
class MigrationCompatibilityTests {

    /** The last migration of the first production release: everything after it must keep the old code working. */
    static final int LAST_OF_FIRST_RELEASE = 23;

    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final String CONTRACT_HEADER = "-- contract: unused since ";
    private static final List<Pattern> DESTRUCTIVE = Stream.of(
                    "drop\\s+table",
                    "drop\\s+column",
                    "alter\\s+table\\s+\\S+\\s+drop\\s+(?!constraint|default)",
                    "rename\\s+(column\\s+)?\\S+\\s+to",
                    "rename\\s+to",
                    "alter\\s+column\\s+\\S+\\s+(set\\s+data\\s+)?type",
                    "alter\\s+column\\s+\\S+\\s+set\\s+not\\s+null",
                    "add\\s+column\\s+(?![^,;]*\\bdefault\\b)[^,;]*\\bnot\\s+null\\b")
            .map(pattern -> Pattern.compile(pattern, Pattern.CASE_INSENSITIVE))
            .toList();

    @Test
    void migrationsAfterTheFirstReleaseKeepThePreviousReleaseWorking() throws IOException {
        List<String> refused = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.sorted().toList()) {
                Matcher version = VERSION.matcher(file.getFileName().toString());
                if (version.matches() && Integer.parseInt(version.group(1)) > LAST_OF_FIRST_RELEASE) {
                    destructiveStatements(Files.readString(file, StandardCharsets.UTF_8))
                            .forEach(statement -> refused.add(file.getFileName() + ": " + statement));
                }
            }
        }
        assertThat(refused)
                .as("destructive statements without a contract header (ADR 7)")
                .isEmpty();
    }

    @Test
    void theCheckFindsWhatWouldBreakTheOldCodeAndLetsAddingPass() {
        assertThat(destructiveStatements("alter table guidance_question drop column title;"))
                .hasSize(1);
        assertThat(destructiveStatements("ALTER TABLE app_user RENAME COLUMN name TO display_name;"))
                .hasSize(1);
        assertThat(destructiveStatements("alter table learning_moment alter column title type varchar(100);"))
                .hasSize(1);
        assertThat(destructiveStatements("alter table saved_item add column note varchar(200) not null;"))
                .hasSize(1);
        assertThat(destructiveStatements("drop table reply_template_use;")).hasSize(1);
        assertThat(destructiveStatements("""
                        create table urgency_note (id bigint primary key, note varchar(200) not null);
                        alter table saved_item add column note varchar(200);
                        alter table saved_item add column kept boolean not null default false;
                        alter table saved_item add column rank int default 0 not null;
                        create index ix_saved_item_note on saved_item (note);
                        alter table saved_item drop constraint ck_saved_item_kind;
                        """)).isEmpty();
        assertThat(destructiveStatements(CONTRACT_HEADER + "0.3.0\nalter table saved_item drop column note;"))
                .isEmpty();
    }

    /** The statements of a migration that the previous release would not survive. */
    static List<String> destructiveStatements(String sql) {
        if (sql.strip().toLowerCase(Locale.ROOT).startsWith(CONTRACT_HEADER)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (String statement : sql.replaceAll("--[^\n]*", "").split(";")) {
            String text = statement.strip().replaceAll("\\s+", " ");
            if (DESTRUCTIVE.stream().anyMatch(pattern -> pattern.matcher(text).find())) {
                found.add(text);
            }
        }
        return found;
    }
}
