package nl.leerlog.tool.analytics.internal;

import java.util.List;

/**
 * What the student's analytics page shows for a period: its charts, and the drafts still open (of all time: a draft
 * left open is worth knowing about whatever the period).
 *
 * @param internshipWeeks whether the weeks are numbered from the internship's start
 */
public record Insights(
        Period period, boolean internshipWeeks, List<Chart> charts, int momentDrafts, int reflectionDrafts) {

    public Insights {
        charts = List.copyOf(charts);
    }

    public Chart chart(String key) {
        return charts.stream()
                .filter(chart -> chart.key().equals(key))
                .findFirst()
                .orElseThrow();
    }
}
