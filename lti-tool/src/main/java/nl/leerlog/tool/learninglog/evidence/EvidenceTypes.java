package nl.leerlog.tool.learninglog.evidence;

import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Which files a student may upload as evidence, judged by their content. Tika reads the magic bytes; the name
 * only refines a type the content already shows (a .docx is a zip with an Office part list), so an executable
 * called {@code report.pdf} is still an executable and is refused.
 */
@Component
public class EvidenceTypes {

    /** The allow-list: documents, images, plain text, office files and short videos; never HTML, SVG or scripts. */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("application/pdf", "PDF"),
            Map.entry("image/png", "PNG"),
            Map.entry("image/jpeg", "JPEG"),
            Map.entry("image/gif", "GIF"),
            Map.entry("image/webp", "WebP"),
            Map.entry("text/plain", "Text"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint"),
            Map.entry("application/vnd.oasis.opendocument.text", "OpenDocument text"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet"),
            Map.entry("application/vnd.oasis.opendocument.presentation", "OpenDocument presentation"),
            Map.entry("video/mp4", "MP4"));

    private static final int MAX_NAME = 200;

    private final Tika tika = new Tika();

    /** The content's type if it is on the allow-list. */
    public Optional<String> allowedType(byte[] content, String fileName) {
        String detected = tika.detect(content, fileName);
        return ALLOWED.containsKey(detected) ? Optional.of(detected) : Optional.empty();
    }

    /**
     * A file name that is safe to store and to send back in a header: no path, no control or reserved characters,
     * at most 200 characters with the extension kept.
     */
    public static String safeFileName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}<>:\"|?*]", "")
                .replaceAll("\\s+", " ")
                .strip();
        name = name.replaceAll("^[. ]+", "");
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - extension.length()) + extension;
        }
        return name.isEmpty() ? "evidence" : name;
    }
}
