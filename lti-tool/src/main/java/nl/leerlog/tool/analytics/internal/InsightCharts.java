package nl.leerlog.tool.analytics.internal;

import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.leerlog.tool.learninglog.MomentFact;
import nl.leerlog.tool.programme.Choice;
import nl.leerlog.tool.reflection.ReflectionFact;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a student's figures into the charts of their analytics page: moments and time per week, the spread over
 * categories, learning goals and competencies (naming those never touched), where reflections stop, and open drafts.
 */
@Component
record InsightCharts(MessageSource messages) {

    /** How many moments or reflections a list of names in a summary stops at. */
    private static final int NAMES_IN_SUMMARY = 5;

    /**
     * The period the page shows when the student chose none: the internship so far when its start is known, else the
     * last eight weeks.
     */
    static Period defaultPeriod(StudentFigures figures, LocalDate today) {
        LocalDate start = figures.internship().startsOn();
        LocalDate end = figures.internship().endsOn();
        if (start != null && !start.isAfter(today) && (end == null || !end.isBefore(start))) {
            LocalDate to = end == null || end.isAfter(today) ? today : end;
            return new Period(start, to);
        }
        return new Period(today.minusWeeks(8).plusDays(1), today);
    }

    Insights of(StudentFigures figures, Period period, Locale locale) {
        List<MomentFact> moments = figures.moments().stream()
                .filter(moment -> period.contains(moment.occurredOn()))
                .toList();
        List<ReflectionFact> reflections = figures.reflections().stream()
                .filter(reflection -> period.contains(reflection.createdAt().toLocalDate()))
                .toList();
        LocalDate start = figures.internship().startsOn();
        boolean internshipWeeks = start != null && !period.from().isBefore(start);
        List<Chart> charts = List.of(
                weeks(moments, period, internshipWeeks ? start : null, locale),
                spread("categories", moments, figures.categories(), moment -> idSet(moment.categoryId()), locale),
                spread("goals", moments, figures.goals(), MomentFact::goalIds, locale),
                spread("competencies", moments, figures.competencies(), MomentFact::competencyIds, locale),
                reflections(figures, reflections, period, locale));
        int momentDrafts =
                (int) figures.moments().stream().filter(MomentFact::draft).count();
        int reflectionDrafts = (int)
                figures.reflections().stream().filter(ReflectionFact::draft).count();
        return new Insights(period, internshipWeeks, charts, momentDrafts, reflectionDrafts);
    }

    private Chart weeks(List<MomentFact> moments, Period period, LocalDate internshipStart, Locale locale) {
        // Internship weeks start on the internship's first day (see InternshipWeek); other weeks on a Monday.
        LocalDate first = internshipStart != null
                ? internshipStart.plusWeeks(ChronoUnit.WEEKS.between(internshipStart, period.from()))
                : period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<LocalDate, long[]> byWeek = new LinkedHashMap<>();
        for (LocalDate week = first; !week.isAfter(period.to()); week = week.plusWeeks(1)) {
            byWeek.put(week, new long[2]);
        }
        for (MomentFact moment : moments) {
            LocalDate week = first.plusWeeks(ChronoUnit.WEEKS.between(first, moment.occurredOn()));
            long[] totals = byWeek.get(week);
            totals[0]++;
            totals[1] += Objects.requireNonNullElse(moment.minutesSpent(), 0);
        }
        DateTimeFormatter dates =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        NumberFormat hours = NumberFormat.getNumberInstance(locale);
        hours.setMaximumFractionDigits(1);
        List<Chart.Row> rows = new ArrayList<>();
        byWeek.forEach((week, totals) -> {
            String label = internshipStart != null
                    ? text(locale, "insights.week.internship", ChronoUnit.WEEKS.between(internshipStart, week) + 1)
                    : text(locale, "insights.week.of", dates.format(week));
            double inHours = Math.round(totals[1] / 6.0) / 10.0;
            rows.add(new Chart.Row(
                    label, List.of(Chart.Value.of(totals[0]), new Chart.Value(inHours, hours.format(inHours)))));
        });
        long total = moments.size();
        long minutes = moments.stream()
                .mapToLong(moment -> Objects.requireNonNullElse(moment.minutesSpent(), 0))
                .sum();
        String summary;
        if (total == 0) {
            summary = text(locale, "insights.weeks.summary.none", rows.size());
        } else {
            int busiest = 0;
            for (int i = 1; i < rows.size(); i++) {
                if (rows.get(i).values().get(0).number()
                        > rows.get(busiest).values().get(0).number()) {
                    busiest = i;
                }
            }
            double totalHours = Math.round(minutes / 6.0) / 10.0;
            summary = text(
                    locale,
                    "insights.weeks.summary",
                    total,
                    hours.format(totalHours),
                    rows.size(),
                    rows.get(busiest).label(),
                    (long) rows.get(busiest).values().get(0).number());
        }
        return new Chart(
                "weeks",
                text(locale, "insights.weeks.title"),
                summary,
                List.of(
                        text(locale, "insights.column.week"),
                        text(locale, "insights.column.moments"),
                        text(locale, "insights.column.hours")),
                rows);
    }

    /** How many of the moments are linked to each choice, every choice listed, the untouched ones named. */
    private Chart spread(
            String key,
            List<MomentFact> moments,
            List<Choice> choices,
            Function<MomentFact, Set<Long>> links,
            Locale locale) {
        Map<Long, Long> counts = moments.stream()
                .flatMap(moment -> links.apply(moment).stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<Chart.Row> rows = choices.stream()
                .map(choice ->
                        new Chart.Row(label(choice), List.of(Chart.Value.of(counts.getOrDefault(choice.id(), 0L)))))
                .toList();
        String title = text(locale, "insights." + key + ".title");
        List<String> columns = List.of(text(locale, "insights.column." + key), text(locale, "insights.column.moments"));
        if (choices.isEmpty()) {
            return new Chart(key, title, text(locale, "insights." + key + ".summary.none-offered"), columns, rows);
        }
        List<String> untouched = choices.stream()
                .filter(choice -> !counts.containsKey(choice.id()))
                .map(InsightCharts::label)
                .toList();
        long linked = moments.stream()
                .filter(moment -> !links.apply(moment).isEmpty())
                .count();
        String summary;
        if (linked == 0) {
            summary = text(locale, "insights." + key + ".summary.none", moments.size());
        } else {
            Chart.Row most = rows.stream()
                    .max(Comparator.comparingDouble(row -> row.values().get(0).number()))
                    .orElseThrow();
            summary = text(
                    locale,
                    "insights." + key + ".summary",
                    most.label(),
                    (long) most.values().get(0).number(),
                    moments.size());
            summary += " "
                    + (untouched.isEmpty()
                            ? text(locale, "insights.untouched.none")
                            : text(locale, "insights.untouched", names(untouched, locale), untouched.size()));
        }
        return new Chart(key, title, summary, columns, rows);
    }

    /** Where the reflections of the period stop: at which step of their model the first answer is missing. */
    private Chart reflections(StudentFigures figures, List<ReflectionFact> reflections, Period period, Locale locale) {
        Map<String, Long> stops = new LinkedHashMap<>();
        long complete = 0;
        for (ReflectionFact reflection : reflections) {
            int stoppedAt = figures.stoppedAt(reflection);
            if (stoppedAt == 0) {
                complete++;
            } else {
                String step = figures.stepsByModel()
                        .get(reflection.modelId())
                        .get(stoppedAt - 1)
                        .title();
                stops.merge(text(locale, "insights.reflections.stopped-at", stoppedAt, step), 1L, Long::sum);
            }
        }
        List<Chart.Row> rows = new ArrayList<>();
        stops.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(stop -> rows.add(new Chart.Row(stop.getKey(), List.of(Chart.Value.of(stop.getValue())))));
        if (!reflections.isEmpty()) {
            rows.add(new Chart.Row(text(locale, "insights.reflections.complete"), List.of(Chart.Value.of(complete))));
        }
        NumberFormat perWeek = NumberFormat.getNumberInstance(locale);
        perWeek.setMaximumFractionDigits(1);
        double weeks = Math.max(1.0, period.days() / 7.0);
        String summary = reflections.isEmpty()
                ? text(locale, "insights.reflections.summary.none")
                : text(
                                locale,
                                "insights.reflections.summary",
                                reflections.size(),
                                perWeek.format(reflections.size() / weeks),
                                complete)
                        + stops.entrySet().stream()
                                .max(Map.Entry.comparingByValue())
                                .map(most -> " " + text(locale, "insights.reflections.summary.stop", most.getKey()))
                                .orElse("");
        return new Chart(
                "reflections",
                text(locale, "insights.reflections.title"),
                summary,
                List.of(text(locale, "insights.column.where"), text(locale, "insights.column.reflections")),
                rows);
    }

    private String names(List<String> names, Locale locale) {
        String shown = names.stream()
                .limit(NAMES_IN_SUMMARY)
                .map(name -> "“" + name + "”")
                .collect(Collectors.joining(", "));
        return names.size() > NAMES_IN_SUMMARY
                ? text(locale, "insights.untouched.more", shown, names.size() - NAMES_IN_SUMMARY)
                : shown;
    }

    private static String label(Choice choice) {
        return choice.code() == null ? choice.label() : choice.code() + " " + choice.label();
    }

    private static Set<Long> idSet(Long id) {
        return id == null ? Set.of() : Set.of(id);
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
