package nl.leerlog.tool.learninglog.internal.evidence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How evidence files are accepted and kept.
 *
 * @param maxFileSize the largest file a student may upload; Spring's multipart limits follow it
 * @param maxRequestSize the most one save may upload, all files together
 * @param store where the content goes: in the database (default) or in files under {@code directory}
 * @param directory the file store's root, for {@code store=files}
 * @param clamav a clamd to scan every upload with; without a host nothing is scanned (scan status SKIPPED)
 */
@ConfigurationProperties("leerlog.evidence")
public record EvidenceSettings(
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("60MB") DataSize maxRequestSize,
        @DefaultValue("database") Store store,
        Path directory,
        @DefaultValue ClamAv clamav) {

    public enum Store {
        DATABASE,
        FILES
    }

    /** The limit per file as people read it: "10 MB", or "64 KB" below a megabyte. */
    public String maxFileSizeLabel() {
        return label(maxFileSize);
    }

    public String maxRequestSizeLabel() {
        return label(maxRequestSize);
    }

    private static String label(DataSize size) {
        long megabytes = size.toMegabytes();
        return megabytes >= 1 ? megabytes + " MB" : Math.max(1, size.toKilobytes()) + " KB";
    }

    /**
     * @param host the clamd host; empty: uploads are not scanned
     * @param port clamd's TCP port
     * @param timeoutMillis how long a scan may take before the upload is refused as not scanned
     */
    public record ClamAv(
            String host,
            @DefaultValue("3310") int port,
            @DefaultValue("10000") int timeoutMillis) {}
}
