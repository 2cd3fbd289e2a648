package nl.leerlog.tool.analytics.internal;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The student's recent check-ins as a small chart with its table, oldest week first. */
@Component
record CheckInChart(MessageSource messages) {

    /** How many weeks the chart looks back. */
    static final int WEEKS = 8;

    Chart of(List<CheckIn> newestFirst, Locale locale) {
        DateTimeFormatter dates =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        List<Chart.Row> rows = new ArrayList<>();
        for (CheckIn checkIn : newestFirst.reversed()) {
            rows.add(new Chart.Row(
                    text(locale, "insights.week.of", dates.format(checkIn.weekStart())),
                    List.of(
                            Chart.Value.of(checkIn.mood()),
                            Chart.Value.of(checkIn.workload()),
                            Chart.Value.of(checkIn.energy()))));
        }
        String summary = newestFirst.isEmpty()
                ? text(locale, "checkin.summary.none")
                : text(
                        locale,
                        "checkin.summary",
                        newestFirst.getFirst().mood(),
                        newestFirst.getFirst().workload(),
                        newestFirst.getFirst().energy(),
                        newestFirst.size());
        return new Chart(
                "checkins",
                text(locale, "checkin.chart.title"),
                summary,
                List.of(
                        text(locale, "insights.column.week"),
                        text(locale, "checkin.mood"),
                        text(locale, "checkin.workload"),
                        text(locale, "checkin.energy")),
                rows);
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
