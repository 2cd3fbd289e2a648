package nl.leerlog.tool.saved;

import java.time.Clock;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
import nl.leerlog.tool.saved.internal.ItemType;
import nl.leerlog.tool.saved.internal.SavedItems;
import org.springframework.stereotype.Service;

/**
 * How other features put one of their items in the student's Saved timeline: a chart they copied, for instance. The
 * feature keeps the item and names it; Saved keeps the reference, the title and the student's note.
 */
@Service
@PrivateRecords
public class SavedTimeline {

    private final SavedItems saved;
    private final Clock clock;

    SavedTimeline(SavedItems saved, Clock clock) {
        this.saved = saved;
        this.clock = clock;
    }

    /** Keeps a copied chart, by the id its feature gave it; returns the timeline entry's id. */
    public long keepChart(Owner owner, long chartId, String title) {
        return saved.save(owner, ItemType.CHART, Long.toString(chartId), title, null, clock.instant());
    }
}
