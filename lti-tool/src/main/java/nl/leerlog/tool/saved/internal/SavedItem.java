package nl.leerlog.tool.saved.internal;

import java.time.OffsetDateTime;

/**
 * One entry of the student's Saved timeline. {@code gone} marks a saved learning moment or reflection that was
 * deleted since: it stays in the timeline with its title as saved, without a link.
 */
public record SavedItem(
        long id, ItemType type, String ref, String title, String note, OffsetDateTime savedAt, boolean gone) {

    /** Where the item lives: the moment or reflection itself; tips and charts are shown among the insights. */
    public String link() {
        return switch (type) {
            case MOMENT -> "/student/log/" + ref;
            case REFLECTION -> "/student/reflections/" + ref;
            case TIP, CHART -> "/student/insights";
        };
    }
}
