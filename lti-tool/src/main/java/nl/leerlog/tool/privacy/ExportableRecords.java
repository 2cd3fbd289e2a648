package nl.leerlog.tool.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import nl.leerlog.tool.identity.Owner;

/**
 * A feature's part of the student's export (GDPR art. 15(3) and art. 20): the student's own records of that feature,
 * with the fields as the feature names them, and the files that belong to them. Each feature reads its own tables
 * and hands over copies; the privacy module only writes them into the zip, in the features' {@link
 * org.springframework.core.annotation.Order}.
 */
public interface ExportableRecords {

    /** The section's name in {@code leerlog.json}, e.g. {@code moments}; documented in {@code export.md}. */
    String kind();

    /** The section's heading in the readable portfolio. */
    String title(Locale locale);

    /** The owner's records of this feature, in the order the portfolio shows them; labels in {@code locale}. */
    List<ExportedRecord> exportOf(Owner owner, Locale locale);

    /**
     * Copies the content of the owner's file {@code ref} (one of {@link ExportedRecord#files()}) to {@code out} by
     * stream, never holding more than one file's worth of it; a file that is not the owner's is not found.
     */
    default void copyFile(Owner owner, String ref, OutputStream out) throws IOException {
        throw Owner.notFound();
    }
}
