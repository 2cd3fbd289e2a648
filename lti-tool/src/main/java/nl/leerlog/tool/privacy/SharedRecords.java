package nl.leerlog.tool.privacy;

import java.time.Instant;
import java.util.List;
import nl.leerlog.tool.identity.Owner;

/**
 * A feature's shares of a student's records (guidance items with a teacher, a supervisor's link): the student's
 * sharing page lists them all and revokes each with one click. The feature that owns the shares implements it, so
 * revoking is that feature's own withdrawal: the reader loses access at once and the feature says so where it shows.
 */
public interface SharedRecords {

    /** The feature's name for its shares, e.g. {@code guidance}. */
    String kind();

    /** What the owner shares through this feature right now, newest first. */
    List<Share> sharedBy(Owner owner);

    /** Takes the owner's share {@code ref} back; false if it is not theirs or no longer shared. */
    boolean revoke(Owner owner, String ref, Instant now);
}
