package nl.leerlog.tool.learninglog;

import java.util.List;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceTypes;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceUploads;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The checks an evidence file passes, for other features that accept small files: the size limit of
 * {@code leerlog.evidence.max-file-size}, the type judged by the content against the evidence allow-list (never HTML,
 * SVG or scripts), and the virus scan. A refusal names a text of the log's bundle that takes the file's name as
 * {0} and the limit ({@link #maxFileSizeLabel()}) as {1}.
 */
@Component
public class UploadChecks {

    private final EvidenceUploads uploads;

    UploadChecks(EvidenceUploads uploads) {
        this.uploads = uploads;
    }

    /** A file that passed every check: its safe name, the type found in its content and the scan's verdict. */
    public record Accepted(String fileName, String contentType, byte[] content, String sha256, String scanStatus) {

        /** The name it downloads under, with the extension of the type found in its content. */
        public String downloadName() {
            return UploadChecks.downloadName(fileName, contentType);
        }
    }

    /** The verdict on one file: accepted, or refused with the key of the text that says why. */
    public record Checked(String fileName, Accepted accepted, String refusal) {

        public boolean ok() {
            return accepted != null;
        }
    }

    public Checked check(MultipartFile file) {
        EvidenceUploads.Checked checked = uploads.check(file);
        if (!checked.accepted()) {
            return new Checked(checked.fileName(), null, checked.refusal());
        }
        var upload = checked.upload();
        return new Checked(
                upload.fileName(),
                new Accepted(
                        upload.fileName(),
                        upload.contentType(),
                        upload.content(),
                        upload.sha256(),
                        upload.scanStatus().name()),
                null);
    }

    /** The files a form sent; a file input left empty still sends one part without a name or content. */
    public static List<MultipartFile> chosen(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> !(f.isEmpty()
                        && (f.getOriginalFilename() == null
                                || f.getOriginalFilename().isBlank())))
                .toList();
    }

    public long maxFileSize() {
        return uploads.maxFileSize();
    }

    /** The limit per file as people read it, such as "10 MB". */
    public String maxFileSizeLabel() {
        return uploads.maxFileSizeLabel();
    }

    /**
     * The name a file downloads under: its stored name with the extension of the type found in its content, so a
     * GIF uploaded as {@code a.html} downloads as {@code a.gif}.
     */
    public static String downloadName(String fileName, String contentType) {
        return EvidenceTypes.downloadName(fileName, contentType);
    }
}
