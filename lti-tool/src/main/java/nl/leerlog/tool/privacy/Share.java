package nl.leerlog.tool.privacy;

import java.time.OffsetDateTime;

/**
 * One thing a student shares right now, as their sharing page lists it.
 *
 * @param kind which feature's share it is ({@link SharedRecords#kind()}), to revoke it there
 * @param ref the share within that feature, as it names it
 * @param title the shared item's title
 * @param sharedWith whom it is shared with: a teacher's name, a supervisor's; null when the LMS shares no name
 * @param where where it is shared: a guidance question's title, a link's purpose
 * @param link the student's own page of it (the thread), or null
 * @param since when it was shared
 * @param until when the share ends by itself, or null for as long as the student keeps it
 */
public record Share(
        String kind,
        String ref,
        String title,
        String sharedWith,
        String where,
        String link,
        OffsetDateTime since,
        OffsetDateTime until) {}
