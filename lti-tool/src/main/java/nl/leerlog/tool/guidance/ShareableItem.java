package nl.leerlog.tool.guidance;

import java.time.LocalDate;

/** One record a student may choose to share: its kind, id, title and the date it is about. */
public record ShareableItem(String kind, long id, String title, LocalDate date) {

    /** How the ask form names the choice: {@code kind:id}. */
    public String key() {
        return kind + ":" + id;
    }
}
