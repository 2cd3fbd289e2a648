package nl.leerlog.tool.cafe;

import java.util.List;

/**
 * What waits for someone in the café, for a mail that sums it up: per group they are a member or the coach of, the
 * messages of others in the channels they read that they have not read yet. Counts only, never a message's text:
 * a mail leaves the café's circle of readers.
 */
public interface CafeActivity {

    /** The unread messages of one group's channels, and the café page to read them on. */
    record Unread(String groupName, int messages, String path) {}

    /** The person's groups in the course with unread messages; groups with none are left out. */
    List<Unread> unread(long courseId, long userId);
}
