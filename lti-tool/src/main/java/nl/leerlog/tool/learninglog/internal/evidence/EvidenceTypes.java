package nl.leerlog.tool.learninglog.internal.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.apache.tika.Tika;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
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

    /**
     * Office files are zips that Tika's core tells apart only by name; a zip counts as one when it holds the
     * Office part list and the folder of that kind of document.
     */
    private static final Map<String, String> OFFICE_FOLDERS = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/");

    /** The content's type if it is on the allow-list. */
    public Optional<String> allowedType(byte[] content, String fileName) {
        String detected = tika.detect(content, fileName);
        if (!ALLOWED.containsKey(detected)) {
            return Optional.empty();
        }
        String folder = OFFICE_FOLDERS.get(detected);
        return folder == null || isOfficeZip(content, folder) ? Optional.of(detected) : Optional.empty();
    }

    /**
     * Reads only the zip's central directory (a list of names), never inflates an entry: a zip bomb called
     * .docx costs no more than a real document.
     */
    private static boolean isOfficeZip(byte[] content, String folder) {
        Path copy = null;
        try {
            copy = Files.createTempFile("leerlog-evidence-", ".zip");
            Files.write(copy, content);
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                return zip.getEntry("[Content_Types].xml") != null
                        && zip.stream().anyMatch(entry -> entry.getName().startsWith(folder));
            }
        } catch (IOException e) {
            return false;
        } finally {
            deleteQuietly(copy);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover copy in the temp directory is harmless and the operating system clears it.
            file.toFile().deleteOnExit();
        }
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

    /**
     * The name a file is downloaded under: its stored name with the extension of the type found in its content, so
     * a GIF uploaded as {@code a.html} downloads as {@code a.gif} and opens as the image it is. A name whose extension
     * already fits (a JPEG called {@code photo.jpeg}) is kept.
     */
    public static String downloadName(String fileName, String contentType) {
        String name = safeFileName(fileName);
        List<String> extensions = extensions(contentType);
        if (extensions.isEmpty()) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
        if (extensions.contains(extension)) {
            return name;
        }
        return safeFileName((dot > 0 ? name.substring(0, dot) : name) + extensions.getFirst());
    }

    /** Tika's extensions of a type, the usual one first ({@code .jpg} before {@code .jpeg}). */
    private static List<String> extensions(String contentType) {
        try {
            return MimeTypes.getDefaultMimeTypes().forName(contentType).getExtensions();
        } catch (MimeTypeException e) {
            return List.of();
        }
    }
}
