package nl.leerlog.tool.learninglog.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

/** The parts of evidence handling that need no application: names, types, the scan hook, the file store. */
class EvidenceCheckTests {

    static final EvidenceSettings SETTINGS = new EvidenceSettings(
            DataSize.ofKilobytes(64),
            DataSize.ofMegabytes(1),
            EvidenceSettings.Store.DATABASE,
            null,
            new EvidenceSettings.ClamAv(null, 3310, 1000));

    @Test
    void fileNamesLoseTheirPathAndCharactersThatCouldBreakAHeader() {
        assertThat(EvidenceTypes.safeFileName("C:\\Users\\me\\verslag week 1.pdf"))
                .isEqualTo("verslag week 1.pdf");
        assertThat(EvidenceTypes.safeFileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(EvidenceTypes.safeFileName("a\"b\r\nc<d>.txt")).isEqualTo("abcd.txt");
        assertThat(EvidenceTypes.safeFileName("...")).isEqualTo("evidence");
        assertThat(EvidenceTypes.safeFileName("x".repeat(300) + ".docx"))
                .hasSize(200)
                .endsWith(".docx");
    }

    @Test
    void aDownloadIsNamedAfterTheTypeFoundInItsContent() {
        assertThat(EvidenceTypes.downloadName("a.html", "image/gif")).isEqualTo("a.gif");
        assertThat(EvidenceTypes.downloadName("week 1.report.exe", "application/pdf"))
                .isEqualTo("week 1.report.pdf");
        assertThat(EvidenceTypes.downloadName("notes", "text/plain")).isEqualTo("notes.txt");
        assertThat(EvidenceTypes.downloadName("Photo.JPEG", "image/jpeg")).isEqualTo("Photo.JPEG");
        assertThat(EvidenceTypes.downloadName("scan.jpg", "image/png")).isEqualTo("scan.png");
        assertThat(EvidenceTypes.downloadName(
                        "plan.zip", "application/vnd.openxmlformats-officedocument" + ".wordprocessingml.document"))
                .isEqualTo("plan.docx");
        assertThat(EvidenceTypes.downloadName("../clip", "video/mp4")).isEqualTo("clip.mp4");
        assertThat(EvidenceTypes.downloadName("x".repeat(300) + ".html", "image/webp"))
                .hasSize(200)
                .endsWith(".webp");
    }

    @Test
    void anInfectedFileIsRefusedWithItsOwnMessage() {
        EvidenceUploads uploads = new EvidenceUploads(SETTINGS, new EvidenceTypes(), content -> ScanStatus.INFECTED);

        EvidenceUploads.Checked checked = uploads.check(
                new MockMultipartFile("evidence", "notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));

        assertThat(checked.accepted()).isFalse();
        assertThat(checked.refusal()).isEqualTo("log.evidence.error.infected");
    }

    @Test
    void aFileThatCouldNotBeScannedIsRefusedRatherThanStoredUnscanned() {
        EvidenceUploads uploads = new EvidenceUploads(SETTINGS, new EvidenceTypes(), content -> ScanStatus.FAILED);

        assertThat(uploads.check(new MockMultipartFile(
                                "evidence", "notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)))
                        .refusal())
                .isEqualTo("log.evidence.error.scan-failed");
    }

    @Test
    void htmlAndSvgAreRefusedWhateverTheyAreCalled() {
        EvidenceTypes types = new EvidenceTypes();

        assertThat(types.allowedType(
                        "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8),
                        "notes.txt"))
                .isEmpty();
        assertThat(types.allowedType(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                                .getBytes(StandardCharsets.UTF_8),
                        "photo.png"))
                .isEmpty();
        assertThat(types.allowedType("%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1), "x.txt"))
                .hasValue("application/pdf");
    }

    @Test
    void officeAndOpenDocumentFilesAreRecognisedByTheirInsideAndAPlainZipIsNot() throws IOException {
        EvidenceTypes types = new EvidenceTypes();

        assertThat(types.allowedType(
                        zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"), "verslag.docx"))
                .hasValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(types.allowedType(
                        zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"), "uren.xlsx"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(types.allowedType(storedZip("mimetype", "application/vnd.oasis.opendocument.text"), "verslag.odt"))
                .hasValue("application/vnd.oasis.opendocument.text");
        assertThat(types.allowedType(zip("evil.exe", "MZ"), "verslag.docx")).isEmpty();
        assertThat(types.allowedType(
                        zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"), "verslag.docx"))
                .as("a spreadsheet called .docx")
                .isEmpty();
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new java.util.zip.ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** An OpenDocument file starts with its uncompressed "mimetype" entry, which is what identifies it. */
    private static byte[] storedZip(String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.US_ASCII);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(name);
            entry.setMethod(java.util.zip.ZipEntry.STORED);
            entry.setSize(data.length);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(data);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void clamdAnswersDecideTheScanStatus() throws Exception {
        assertThat(scanWithClamd("stream: OK")).isEqualTo(ScanStatus.CLEAN);
        assertThat(scanWithClamd("stream: Eicar-Test-Signature FOUND")).isEqualTo(ScanStatus.INFECTED);
        assertThat(new ClamdScanner("127.0.0.1", 1, 500).scan(new byte[] {1})).isEqualTo(ScanStatus.FAILED);
    }

    /** A one-shot clamd: reads the INSTREAM command and its chunks up to the zero length, then answers. */
    private static ScanStatus scanWithClamd(String answer) throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket client = server.accept()) {
                    DataInputStream in = new DataInputStream(client.getInputStream());
                    in.readNBytes("zINSTREAM\0".length());
                    byte[] content = new byte[0];
                    for (int length = in.readInt(); length > 0; length = in.readInt()) {
                        byte[] chunk = in.readNBytes(length);
                        byte[] joined = new byte[content.length + chunk.length];
                        System.arraycopy(content, 0, joined, 0, content.length);
                        System.arraycopy(chunk, 0, joined, content.length, chunk.length);
                        content = joined;
                    }
                    OutputStream out = client.getOutputStream();
                    out.write((answer + "\0").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return content;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            ScanStatus status = new ClamdScanner("127.0.0.1", server.getLocalPort(), 5000)
                    .scan("scan me".getBytes(StandardCharsets.UTF_8));
            assertThat(received.get()).isEqualTo("scan me".getBytes(StandardCharsets.UTF_8));
            return status;
        }
    }

    @Test
    void theFileStoreKeepsContentUnderRandomNamesInItsDirectoryOnly(@TempDir Path directory) throws IOException {
        FileSystemEvidenceStore store = new FileSystemEvidenceStore(directory);

        String key = store.put(7, "evidence".getBytes(StandardCharsets.UTF_8));

        assertThat(store.name()).isEqualTo("files");
        assertThat(store.get(7, key)).isEqualTo("evidence".getBytes(StandardCharsets.UTF_8));
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(key);
        }
        assertThatThrownBy(() -> store.get(7, "../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
