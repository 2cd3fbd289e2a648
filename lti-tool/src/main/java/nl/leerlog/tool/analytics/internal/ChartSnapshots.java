package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.CHART_SNAPSHOT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.leerlog.schema.tables.records.ChartSnapshotRecord;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Charts of the student's analytics as they were on a day: copied figures, so they do not change with the log. */
@Repository
@PrivateRecords
public class ChartSnapshots {

    /** A kept chart: its heading, the day it was kept, its summary and its table as text. */
    public record Snapshot(long id, String title, LocalDate takenOn, String summary, String table) {}

    private final DSLContext db;

    ChartSnapshots(DSLContext db) {
        this.db = db;
    }

    public long keep(Owner owner, Chart chart, LocalDate takenOn, Instant now) {
        return db.insertInto(CHART_SNAPSHOT)
                .set(CHART_SNAPSHOT.COURSE_ID, owner.courseId())
                .set(CHART_SNAPSHOT.OWNER_ID, owner.userId())
                .set(CHART_SNAPSHOT.CHART_KEY, chart.key())
                .set(CHART_SNAPSHOT.TITLE, chart.title())
                .set(CHART_SNAPSHOT.TAKEN_ON, takenOn)
                .set(CHART_SNAPSHOT.SUMMARY, chart.summary())
                .set(CHART_SNAPSHOT.TABLE_TEXT, table(chart))
                .set(CHART_SNAPSHOT.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .returningResult(CHART_SNAPSHOT.ID)
                .fetchSingle(CHART_SNAPSHOT.ID);
    }

    /** The owner's kept charts, newest first. */
    public List<Snapshot> list(Owner owner) {
        return db.selectFrom(CHART_SNAPSHOT)
                .where(owner.owns(CHART_SNAPSHOT))
                .orderBy(CHART_SNAPSHOT.CREATED_AT.desc(), CHART_SNAPSHOT.ID.desc())
                .limit(200)
                .fetch(ChartSnapshots::snapshot);
    }

    public Optional<Snapshot> find(Owner owner, long id) {
        return db.selectFrom(CHART_SNAPSHOT)
                .where(owner.owns(CHART_SNAPSHOT))
                .and(CHART_SNAPSHOT.ID.eq(id))
                .fetchOptional(ChartSnapshots::snapshot);
    }

    /** The table as plain text: the headings, then one row a line, cells separated by " | ". */
    static String table(Chart chart) {
        String head = String.join(" | ", chart.columns());
        String rows = chart.rows().stream()
                .map(row -> row.label() + " | "
                        + row.values().stream().map(Chart.Value::text).collect(Collectors.joining(" | ")))
                .collect(Collectors.joining("\n"));
        return rows.isEmpty() ? head : head + "\n" + rows;
    }

    private static Snapshot snapshot(ChartSnapshotRecord row) {
        return new Snapshot(row.getId(), row.getTitle(), row.getTakenOn(), row.getSummary(), row.getTableText());
    }
}
