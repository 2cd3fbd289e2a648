package nl.leerlog.tool.analytics.internal;

import java.util.List;

/**
 * One chart of the student's analytics, as its accessible table: the page draws the chart from the same rows, so the
 * picture and the table can never disagree.
 *
 * @param key the chart's name, e.g. {@code weeks}
 * @param title the chart's heading in the reader's language
 * @param summary what the chart shows, in one or two sentences, for everyone (and for screen readers first)
 * @param columns the headings: the first names the rows, the rest each one series
 * @param rows one row per bar or point
 */
public record Chart(String key, String title, String summary, List<String> columns, List<Row> rows) {

    public Chart {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public boolean empty() {
        return rows.isEmpty();
    }

    /** The series of the chart: every column but the first. */
    public List<String> series() {
        return columns.subList(1, columns.size());
    }

    /** A row: its label and one value per series; a value's text is how the table shows it. */
    public record Row(String label, List<Value> values) {

        public Row {
            values = List.copyOf(values);
        }
    }

    /** A figure as the chart plots it ({@code number}) and as the table shows it ({@code text}). */
    public record Value(double number, String text) {

        static Value of(long count) {
            return new Value(count, Long.toString(count));
        }
    }
}
