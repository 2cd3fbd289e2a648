package nl.leerlog.tool.learninglog.internal.evidence;

import static nl.leerlog.schema.Tables.EVIDENCE;
import static nl.leerlog.schema.Tables.EVIDENCE_CONTENT;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.TestDatabases;
import nl.leerlog.tool.identity.Owner;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/** With {@code leerlog.evidence.store=files} new evidence goes to the directory; older evidence stays readable. */
@SpringBootTest
class FileEvidenceStoreTests {

    static final Path DIRECTORY = temporaryDirectory();

    @DynamicPropertySource
    static void fileStore(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("leerlog.evidence.store", () -> "files");
        registry.add("leerlog.evidence.directory", DIRECTORY::toString);
    }

    @AfterAll
    static void removeDirectory() throws IOException {
        FileSystemUtils.deleteRecursively(DIRECTORY);
    }

    @Autowired
    DSLContext db;

    @Autowired
    EvidenceFiles evidence;

    @Test
    void newEvidenceIsAFileAndEvidenceKeptInTheDatabaseBeforeTheSwitchIsStillServed() throws IOException {
        long course = new LearningLogRows(db).course();
        Owner owner = LearningLogRows.owner(new LearningLogRows(db).person(), course);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long moment = db.insertInto(LEARNING_MOMENT)
                .set(LEARNING_MOMENT.COURSE_ID, course)
                .set(LEARNING_MOMENT.OWNER_ID, owner.userId())
                .set(LEARNING_MOMENT.OCCURRED_ON, LocalDate.of(2026, 3, 2))
                .set(LEARNING_MOMENT.TITLE, "Files")
                .set(LEARNING_MOMENT.CREATED_AT, now)
                .set(LEARNING_MOMENT.UPDATED_AT, now)
                .returningResult(LEARNING_MOMENT.ID)
                .fetchSingle(LEARNING_MOMENT.ID);
        long older = db.insertInto(EVIDENCE)
                .set(EVIDENCE.COURSE_ID, course)
                .set(EVIDENCE.OWNER_ID, owner.userId())
                .set(EVIDENCE.MOMENT_ID, moment)
                .set(EVIDENCE.FILE_NAME, "older.txt")
                .set(EVIDENCE.CONTENT_TYPE, "text/plain")
                .set(EVIDENCE.SIZE_BYTES, 5L)
                .set(EVIDENCE.SHA256, "0".repeat(64))
                .set(EVIDENCE.STORAGE, "database")
                .set(EVIDENCE.SCAN_STATUS, "SKIPPED")
                .set(EVIDENCE.CREATED_AT, now)
                .returningResult(EVIDENCE.ID)
                .fetchSingle(EVIDENCE.ID);
        db.insertInto(EVIDENCE_CONTENT)
                .set(EVIDENCE_CONTENT.EVIDENCE_ID, older)
                .set(EVIDENCE_CONTENT.CONTENT, "older".getBytes(StandardCharsets.UTF_8))
                .execute();

        long newer = evidence.add(
                owner,
                moment,
                new EvidenceUpload(
                        "newer.txt",
                        "text/plain",
                        "newer".getBytes(StandardCharsets.UTF_8),
                        "0".repeat(64),
                        ScanStatus.SKIPPED),
                Instant.now());

        var row = db.select(EVIDENCE.STORAGE, EVIDENCE.STORAGE_KEY)
                .from(EVIDENCE)
                .where(EVIDENCE.ID.eq(newer))
                .fetchSingle();
        assertThat(row.value1()).isEqualTo("files");
        assertThat(Files.readString(DIRECTORY.resolve(row.value2()))).isEqualTo("newer");
        assertThat(db.fetchCount(EVIDENCE_CONTENT, EVIDENCE_CONTENT.EVIDENCE_ID.eq(newer)))
                .isZero();
        assertThat(evidence.download(owner, moment, newer).orElseThrow().content())
                .isEqualTo("newer".getBytes(StandardCharsets.UTF_8));
        assertThat(evidence.download(owner, moment, older).orElseThrow().content())
                .isEqualTo("older".getBytes(StandardCharsets.UTF_8));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("leerlog-evidence-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
