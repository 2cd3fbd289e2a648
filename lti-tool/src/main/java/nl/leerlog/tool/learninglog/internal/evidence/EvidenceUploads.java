package nl.leerlog.tool.learninglog.internal.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Checks an uploaded file: size, type by content, and the virus scan; says why a file is refused. */
@Component
public record EvidenceUploads(EvidenceSettings settings, EvidenceTypes types, EvidenceScanner scanner) {

    /** A file that passed, or the message key that tells the student why it did not. */
    public record Checked(String fileName, EvidenceUpload upload, String refusal) {

        public boolean accepted() {
            return upload != null;
        }
    }

    public long maxFileSize() {
        return settings.maxFileSize().toBytes();
    }

    public String maxFileSizeLabel() {
        return settings.maxFileSizeLabel();
    }

    public Checked check(MultipartFile file) {
        String name = EvidenceTypes.safeFileName(file.getOriginalFilename());
        if (file.getSize() > maxFileSize()) {
            return refused(name, "log.evidence.error.too-large");
        }
        if (file.isEmpty()) {
            return refused(name, "log.evidence.error.empty");
        }
        byte[] content = bytes(file);
        String type = types.allowedType(content, name).orElse(null);
        if (type == null) {
            return refused(name, "log.evidence.error.type");
        }
        ScanStatus scan = scanner.scan(content);
        if (scan == ScanStatus.INFECTED) {
            return refused(name, "log.evidence.error.infected");
        }
        if (scan == ScanStatus.FAILED) {
            return refused(name, "log.evidence.error.scan-failed");
        }
        return new Checked(name, new EvidenceUpload(name, type, content, sha256(content), scan), null);
    }

    private static Checked refused(String name, String key) {
        return new Checked(name, null, key);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
