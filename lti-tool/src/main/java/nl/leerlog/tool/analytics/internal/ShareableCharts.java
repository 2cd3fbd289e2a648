package nl.leerlog.tool.analytics.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.leerlog.tool.guidance.ItemSnapshot;
import nl.leerlog.tool.guidance.ItemSnapshot.Part;
import nl.leerlog.tool.guidance.ShareableItem;
import nl.leerlog.tool.guidance.ShareableRecords;
import nl.leerlog.tool.identity.Owner;
import org.springframework.stereotype.Component;

/** Kept charts as items of a guidance question: the copy with its date, as the student kept it. */
@Component
record ShareableCharts(ChartSnapshots snapshots) implements ShareableRecords {

    @Override
    public String kind() {
        return "chart";
    }

    @Override
    public List<ShareableItem> shareable(Owner owner) {
        return snapshots.list(owner).stream()
                .map(chart -> new ShareableItem(kind(), chart.id(), chart.title(), chart.takenOn()))
                .toList();
    }

    @Override
    public Optional<ItemSnapshot> snapshot(Owner owner, long id, Locale locale) {
        return snapshots
                .find(owner, id)
                .map(chart -> new ItemSnapshot(
                        chart.title(),
                        chart.takenOn(),
                        List.of(
                                Part.fixed("chart.part.summary", chart.summary()),
                                Part.fixed("chart.part.table", chart.table()))));
    }
}
