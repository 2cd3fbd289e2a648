package nl.leerlog.tool.privacy.internal;

import static nl.leerlog.schema.Tables.EVIDENCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.Owner;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The export streams: with a 50 MB evidence file in the file store, the server's heap, halfway through the download
 * and after a full collection, holds far less than the file, and the file arrives whole.
 */
class ExportStreamingTests extends LaunchedCourseTests {

    static final Path EVIDENCE_DIRECTORY = temporaryDirectory();
    static final long SIZE = 50L * 1024 * 1024;
    static final long HEAP_BOUND = 20L * 1024 * 1024;

    @DynamicPropertySource
    static void keepEvidenceFilesInATemporaryDirectory(DynamicPropertyRegistry registry) {
        registry.add("leerlog.evidence.directory", EVIDENCE_DIRECTORY::toString);
    }

    @Test
    void aFiftyMegabyteEvidenceFileGoesThroughWithoutFillingTheHeap() throws Exception {
        LaunchedUser student = launchCourse().student();
        Owner owner = ownerOf(student);
        long moment = rows().moment(owner, "Filmed my circle time");
        String key = UUID.randomUUID().toString();
        String sha256 = writeIncompressible(EVIDENCE_DIRECTORY.resolve(key), SIZE);
        long evidenceId = db.insertInto(EVIDENCE)
                .set(EVIDENCE.COURSE_ID, owner.courseId())
                .set(EVIDENCE.OWNER_ID, owner.userId())
                .set(EVIDENCE.MOMENT_ID, moment)
                .set(EVIDENCE.FILE_NAME, "circle time.mp4")
                .set(EVIDENCE.CONTENT_TYPE, "video/mp4")
                .set(EVIDENCE.SIZE_BYTES, SIZE)
                .set(EVIDENCE.SHA256, sha256)
                .set(EVIDENCE.STORAGE, "files")
                .set(EVIDENCE.STORAGE_KEY, key)
                .set(EVIDENCE.SCAN_STATUS, "SKIPPED")
                .set(EVIDENCE.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .returningResult(EVIDENCE.ID)
                .fetchSingle(EVIDENCE.ID);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = heapAfterCollection(memory);
        HttpResponse<InputStream> response =
                ExportDownloads.get(student, "/student/privacy/export", HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);

        long halfway = -1;
        String received = null;
        try (ZipInputStream zip = new ZipInputStream(response.body())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.getName().equals("files/moments/" + evidenceId + "-circle_time.mp4")) {
                    continue;
                }
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                DigestInputStream in = new DigestInputStream(zip, digest);
                byte[] buffer = new byte[64 * 1024];
                for (long read = 0; read < SIZE / 2; ) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, SIZE / 2 - read));
                    assertThat(n).as("the file ends early").isPositive();
                    read += n;
                }
                // The server is now blocked writing the rest: whatever it holds of the file, it holds now.
                halfway = heapAfterCollection(memory);
                in.transferTo(OutputStream.nullOutputStream());
                received = HexFormat.of().formatHex(digest.digest());
            }
        }

        assertThat(received).as("the whole file arrived as stored").isEqualTo(sha256);
        assertThat(halfway - before)
                .as("heap in use halfway through a %d MB file, over what it was before", SIZE >> 20)
                .isLessThan(HEAP_BOUND);
    }

    private static long heapAfterCollection(MemoryMXBean memory) throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Writes {@code size} pseudo-random bytes by stream, so neither this test nor deflate keeps them small. */
    private static String writeIncompressible(Path file, long size) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(15);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
                digest.update(chunk);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("leerlog-export-evidence-");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
