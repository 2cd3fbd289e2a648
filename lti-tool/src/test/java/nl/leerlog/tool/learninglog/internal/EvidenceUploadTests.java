package nl.leerlog.tool.learninglog.internal;

import static nl.leerlog.schema.Tables.EVIDENCE;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.MultipartForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Evidence files over HTTP: the type comes from the content, not from the name the browser sent; files above the
 * limit (64 KB in these tests) get a page that says so; downloads are attachments that a browser never runs.
 * The small limit needs an application of its own; "too large" then needs no large test file.
 */
@TestPropertySource(properties = "leerlog.evidence.max-file-size=64KB")
class EvidenceUploadTests extends LogApplicationTests {

    LaunchedUser student;
    long course;

    @BeforeEach
    void launchStudent() {
        student = launchCourse().student();
        course = courseIdOf(student);
    }

    static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** The start of a Windows program: the "MZ" header and a DOS stub. */
    static byte[] windowsProgram() {
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, program, 78, stub.length);
        program[60] = (byte) 0x80;
        program[0x80] = 'P';
        program[0x81] = 'E';
        return program;
    }

    int moments() {
        return db.fetchCount(LEARNING_MOMENT, LEARNING_MOMENT.COURSE_ID.eq(course));
    }

    static byte[] gif() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "gif", out);
        return out.toByteArray();
    }

    @Test
    void aGifNamedHtmlDownloadsAsAGifAttachmentNeverAsAPage() throws IOException {
        long id = saveMoment(
                student,
                MultipartForm.moment("2026-03-02", "Drawing", "save").file("evidence", "a.html", "text/html", gif()));
        long evidenceId = db.select(EVIDENCE.ID)
                .from(EVIDENCE)
                .where(EVIDENCE.MOMENT_ID.eq(id))
                .fetchSingle(EVIDENCE.ID);

        HttpResponse<String> download = student.get("/student/log/" + id + "/evidence/" + evidenceId);

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"a.gif\"")
                .doesNotContain("html");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aPngNamedPdfIsStoredAndServedAsThePngItIsUnderItsOwnExtension() throws IOException {
        long id = saveMoment(
                student,
                MultipartForm.moment("2026-03-02", "Photo", "save")
                        .file("evidence", "x.pdf", "application/pdf", png()));

        long evidenceId = db.select(EVIDENCE.ID)
                .from(EVIDENCE)
                .where(EVIDENCE.MOMENT_ID.eq(id))
                .fetchSingle(EVIDENCE.ID);
        HttpResponse<String> download = student.get("/student/log/" + id + "/evidence/" + evidenceId);

        assertThat(db.select(EVIDENCE.CONTENT_TYPE)
                        .from(EVIDENCE)
                        .where(EVIDENCE.ID.eq(evidenceId))
                        .fetchSingle(EVIDENCE.CONTENT_TYPE))
                .isEqualTo("image/png");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains("x.png")
                .doesNotContain("x.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(student.get("/student/log/" + id).body()).contains("x.pdf", "1 KB");
    }

    @Test
    void aProgramRenamedToPdfIsRefusedWithAMessageAndNothingIsSaved() {
        HttpResponse<String> response = send(
                student,
                "/student/log",
                MultipartForm.moment("2026-03-02", "Report", "save")
                        .file("evidence", "report.pdf", "application/pdf", windowsProgram()));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("report.pdf is not a kind of file Leerlog accepts (judged by its content, not its name).")
                .contains("Your files have not been saved yet: choose them again before you save.")
                .contains("value=\"Report\"");
        assertThat(moments()).isZero();
        assertThat(db.fetchCount(EVIDENCE, EVIDENCE.COURSE_ID.eq(course))).isZero();
    }

    @Test
    void aFileAboveTheLimitGetsAPageThatSaysSoAndNothingIsSaved() {
        byte[] large = new byte[70 * 1024];
        Arrays.fill(large, (byte) 'a');

        HttpResponse<String> response = send(
                student,
                "/student/log",
                MultipartForm.moment("2026-03-02", "Big", "save").file("evidence", "big.txt", "text/plain", large));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .contains(
                        "File too large",
                        "A file can be at most 64 KB, and all files of one save together at most 60 MB. Nothing was saved");
        assertThat(moments()).isZero();
    }

    @Test
    void aTextFileKeepsASafeNameAndDownloadsWithItsContent() {
        long id = saveMoment(
                student,
                MultipartForm.moment("2026-03-02", "Notes", "save")
                        .file(
                                "evidence",
                                "..\\..\\secret<notes>.txt",
                                "application/octet-stream",
                                "What my supervisor said".getBytes(StandardCharsets.UTF_8))
                        .file("evidence", "", "application/octet-stream", new byte[0]));

        var row = db.select(
                        EVIDENCE.ID,
                        EVIDENCE.FILE_NAME,
                        EVIDENCE.CONTENT_TYPE,
                        EVIDENCE.SCAN_STATUS,
                        EVIDENCE.STORAGE,
                        EVIDENCE.SHA256)
                .from(EVIDENCE)
                .where(EVIDENCE.MOMENT_ID.eq(id))
                .fetchSingle();
        HttpResponse<String> download = student.get("/student/log/" + id + "/evidence/" + row.value1());

        assertThat(row.value2()).isEqualTo("secretnotes.txt");
        assertThat(row.value3()).isEqualTo("text/plain");
        assertThat(row.value4()).isEqualTo("SKIPPED");
        assertThat(row.value5()).isEqualTo("database");
        assertThat(row.value6()).hasSize(64);
        assertThat(download.body()).isEqualTo("What my supervisor said");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"secretnotes.txt\"");
    }

    @Test
    void anEvidenceFileIsDeletedWithUndoAndAddedOnEdit() {
        long id = saveMoment(
                student,
                MultipartForm.moment("2026-03-02", "Files", "save")
                        .file("evidence", "a.txt", "text/plain", "first".getBytes(StandardCharsets.UTF_8)));
        long first = db.select(EVIDENCE.ID)
                .from(EVIDENCE)
                .where(EVIDENCE.MOMENT_ID.eq(id))
                .fetchSingle(EVIDENCE.ID);

        HttpResponse<String> edited = send(
                student,
                "/student/log/" + id,
                MultipartForm.moment("2026-03-02", "Files", "save")
                        .file("evidence", "b.txt", "text/plain", "second".getBytes(StandardCharsets.UTF_8)));
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.body()).contains("a.txt", "b.txt");

        HttpResponse<String> deleted = shown(
                student, student.post("/student/log/" + id + "/evidence/" + first + "/delete", java.util.Map.of()));

        assertThat(deleted.body())
                .contains("File deleted: a.txt", "action=\"/student/log/" + id + "/evidence/" + first + "/restore\"");
        assertThat(student.get("/student/log/" + id + "/evidence/" + first).statusCode())
                .isEqualTo(404);
        assertThat(student.get("/student/log").body()).contains("1 file");

        student.post("/student/log/" + id + "/evidence/" + first + "/restore", java.util.Map.of());

        assertThat(student.get("/student/log/" + id + "/evidence/" + first).body())
                .isEqualTo("first");
        assertThat(student.get("/student/log").body()).contains("2 files");
    }
}
