package nl.leerlog.tool.guidance;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.leerlog.tool.identity.Owner;

/**
 * A kind of the student's own records that can be one of the items of a guidance question. The feature that owns the
 * records implements it: guidance never reads their tables, it asks for the choices and for a copy as sent.
 */
public interface ShareableRecords {

    /** The kind's name as stored with a shared item, e.g. {@code moment}. */
    String kind();

    /** The owner's records that can be shared now (not deleted, not a draft), newest first. */
    List<ShareableItem> shareable(Owner owner);

    /**
     * A copy of the owner's record as it is now, if it can be shared; anyone else's, deleted or draft: empty. Headings
     * that come from the course's own settings are copied in the student's {@code locale}.
     */
    Optional<ItemSnapshot> snapshot(Owner owner, long id, Locale locale);
}
