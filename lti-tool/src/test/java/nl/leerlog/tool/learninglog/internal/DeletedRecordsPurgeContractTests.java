package nl.leerlog.tool.learninglog.internal;

import static nl.leerlog.schema.Tables.EVIDENCE;
import static nl.leerlog.schema.Tables.EVIDENCE_CONTENT;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static nl.leerlog.schema.Tables.REFLECTION;
import static nl.leerlog.schema.Tables.SAVED_ITEM;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceFiles;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceUpload;
import nl.leerlog.tool.learninglog.internal.evidence.ScanStatus;
import nl.leerlog.tool.privacy.internal.DeletedRecordsPurge;
import nl.leerlog.tool.reflection.internal.ReflectionContent;
import nl.leerlog.tool.reflection.internal.Reflections;
import nl.leerlog.tool.saved.internal.ItemType;
import nl.leerlog.tool.saved.internal.SavedItems;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * What a student deleted is forgotten once the undo period (30 days) is over, on each database Leerlog runs on;
 * evidence kept as files leaves the directory too. What is deleted more recently can still be undone.
 */
@SpringBootTest
abstract class DeletedRecordsPurgeContractTests {

    static final Path DIRECTORY = temporaryDirectory();
    static final Duration LONG_AGO = Duration.ofDays(31);
    static final Duration YESTERDAY = Duration.ofDays(1);

    @DynamicPropertySource
    static void fileStore(DynamicPropertyRegistry registry) {
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
    DeletedRecordsPurge purge;

    @Autowired
    LearningMoments moments;

    @Autowired
    EvidenceFiles evidence;

    @Autowired
    Reflections reflections;

    @Autowired
    SavedItems saved;

    LearningLogRows rows;
    Owner owner;
    Instant now;

    @BeforeEach
    void aStudent() {
        rows = new LearningLogRows(db);
        owner = LearningLogRows.owner(rows.person(), rows.course());
        now = Instant.now();
    }

    @Test
    void aMomentDeletedLongAgoIsForgottenWithItsEvidenceFileWhileOneDeletedYesterdayCanStillBeUndone() {
        long forgotten = rows.moment(owner, "Deleted long ago");
        long forgottenFile = file(forgotten, "old.txt");
        long undoable = rows.moment(owner, "Deleted yesterday");
        long undoableFile = file(undoable, "recent.txt");
        long kept = rows.moment(owner, "Still in the log");
        long reflectionOnForgotten = reflection(forgotten, "On the old moment");
        moments.delete(owner, forgotten, now.minus(LONG_AGO));
        moments.delete(owner, undoable, now.minus(YESTERDAY));
        Path oldFile = fileOf(forgottenFile);

        purge.purge();

        assertThat(db.fetchExists(LEARNING_MOMENT, LEARNING_MOMENT.ID.eq(forgotten)))
                .isFalse();
        assertThat(db.fetchExists(EVIDENCE, EVIDENCE.ID.eq(forgottenFile))).isFalse();
        assertThat(oldFile).doesNotExist();
        assertThat(fileOf(undoableFile)).exists();
        assertThat(db.fetchExists(LEARNING_MOMENT, LEARNING_MOMENT.ID.eq(kept))).isTrue();
        moments.restore(owner, undoable);
        assertThat(evidence.download(owner, undoable, undoableFile)
                        .orElseThrow()
                        .content())
                .isEqualTo("recent.txt".getBytes(StandardCharsets.UTF_8));
        // The reflection was not deleted: it stays the student's, now standalone.
        assertThat(reflections.find(owner, reflectionOnForgotten))
                .hasValueSatisfying(reflection -> assertThat(
                                db.fetchValue(REFLECTION.MOMENT_ID, REFLECTION.ID.eq(reflectionOnForgotten)))
                        .isNull());
    }

    @Test
    void evidenceDeletedLongAgoLeavesTheStoreWhileItsMomentStays() {
        long moment = rows.moment(owner, "Moment with an old file");
        long old = file(moment, "old.txt");
        Path oldFile = fileOf(old);
        long databaseKept = databaseFile(moment);
        evidence.delete(owner, moment, old, now.minus(LONG_AGO));
        evidence.delete(owner, moment, databaseKept, now.minus(LONG_AGO));

        DeletedRecordsPurge.Purged purged = purge.purge();

        assertThat(purged.count("evidence")).isGreaterThanOrEqualTo(2);
        assertThat(oldFile).doesNotExist();
        assertThat(db.fetchExists(EVIDENCE, EVIDENCE.ID.in(old, databaseKept))).isFalse();
        assertThat(db.fetchExists(EVIDENCE_CONTENT, EVIDENCE_CONTENT.EVIDENCE_ID.eq(databaseKept)))
                .isFalse();
        assertThat(db.fetchExists(LEARNING_MOMENT, LEARNING_MOMENT.ID.eq(moment)))
                .isTrue();
    }

    @Test
    void reflectionsAndSavedItemsRemovedLongAgoAreForgottenAndRecentOnesStay() {
        long old = reflection(null, "Old reflection");
        long recent = reflection(null, "Recent reflection");
        long oldSaved = saved.save(owner, ItemType.TIP, "tip-1", "A tip", null, now);
        long recentSaved = saved.save(owner, ItemType.TIP, "tip-2", "Another tip", null, now);
        reflections.delete(owner, old, now.minus(LONG_AGO));
        reflections.delete(owner, recent, now.minus(YESTERDAY));
        saved.remove(owner, oldSaved, now.minus(LONG_AGO));
        saved.remove(owner, recentSaved, now.minus(YESTERDAY));

        purge.purge();

        assertThat(db.fetchExists(REFLECTION, REFLECTION.ID.eq(old))).isFalse();
        assertThat(reflections.restore(owner, recent)).isTrue();
        assertThat(db.fetchExists(SAVED_ITEM, SAVED_ITEM.ID.eq(oldSaved))).isFalse();
        assertThat(saved.restore(owner, recentSaved)).isTrue();
    }

    @Test
    void aSecondRunFindsNothingLeftToForget() {
        long moment = rows.moment(owner, "Deleted long ago");
        file(moment, "old.txt");
        moments.delete(owner, moment, now.minus(LONG_AGO));
        purge.purge();

        DeletedRecordsPurge.Purged again = purge.purge();

        assertThat(db.fetchExists(LEARNING_MOMENT, LEARNING_MOMENT.ID.eq(moment)))
                .isFalse();
        assertThat(again.count("moments")).isZero();
    }

    private long file(long moment, String name) {
        return evidence.add(
                owner,
                moment,
                new EvidenceUpload(
                        name, "text/plain", name.getBytes(StandardCharsets.UTF_8), "0".repeat(64), ScanStatus.SKIPPED),
                now);
    }

    /** Evidence kept in the database, as before a switch to the file store. */
    private long databaseFile(long moment) {
        long id = db.insertInto(EVIDENCE)
                .set(EVIDENCE.COURSE_ID, owner.courseId())
                .set(EVIDENCE.OWNER_ID, owner.userId())
                .set(EVIDENCE.MOMENT_ID, moment)
                .set(EVIDENCE.FILE_NAME, "kept.txt")
                .set(EVIDENCE.CONTENT_TYPE, "text/plain")
                .set(EVIDENCE.SIZE_BYTES, 4L)
                .set(EVIDENCE.SHA256, "0".repeat(64))
                .set(EVIDENCE.STORAGE, "database")
                .set(EVIDENCE.SCAN_STATUS, "SKIPPED")
                .set(EVIDENCE.CREATED_AT, OffsetDateTime.now())
                .returningResult(EVIDENCE.ID)
                .fetchSingle(EVIDENCE.ID);
        db.insertInto(EVIDENCE_CONTENT)
                .set(EVIDENCE_CONTENT.EVIDENCE_ID, id)
                .set(EVIDENCE_CONTENT.CONTENT, "kept".getBytes(StandardCharsets.UTF_8))
                .execute();
        return id;
    }

    private Path fileOf(long evidenceId) {
        return DIRECTORY.resolve(db.fetchValue(EVIDENCE.STORAGE_KEY, EVIDENCE.ID.eq(evidenceId)));
    }

    private long reflection(Long moment, String title) {
        return reflections.create(
                owner, rows.builtInModel("feedback"), moment, new ReflectionContent(title, true, Map.of()), now);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("leerlog-purge-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
