package nl.leerlog.tool.guidance.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.tool.guidance.internal.Urgency.Reason;
import nl.leerlog.tool.guidance.internal.Urgency.Row;
import nl.leerlog.tool.internship.InternshipWeek;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's rows as the page shows them, every text resolved once per request in the reader's language: a
 * teacher with hundreds of interns gets the page without a message lookup and a date pattern per chip in the
 * template.
 */
@Component
class UrgencyLabels {

    /** One chip: the colour and reason as codes for the styles and tests, and its text (the colour is never all). */
    record Chip(String colour, String reason, String text) {}

    /** One intern's row on the page. */
    record View(
            long studentId,
            String name,
            String colour,
            String colourLabel,
            List<Chip> chips,
            String week,
            boolean snoozed,
            String snoozeLabel,
            String unsnoozeLabel) {}

    private final MessageSource messages;

    UrgencyLabels(MessageSource messages) {
        this.messages = messages;
    }

    List<View> of(List<Row> rows, int responseWorkingDays, Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", locale);
        Map<LocalDate, String> days = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        String unnamed = text("links.unnamed", locale);
        String nothing = text("urgency.reason.none", locale);
        List<View> views = new ArrayList<>(rows.size());
        for (Row row : rows) {
            String name = row.facts().name() == null || row.facts().name().isEmpty()
                    ? unnamed
                    : row.facts().name();
            List<Chip> chips = new ArrayList<>(row.reasons().size());
            for (Reason reason : row.reasons()) {
                String since = reason.sinceDay() == null ? "" : days.computeIfAbsent(reason.sinceDay(), day::format);
                String text;
                if (reason.rule() == UrgencyRule.SNOOZED) {
                    Urgency.Snooze snooze = row.facts().snooze();
                    String until = days.computeIfAbsent(snooze.until(), day::format);
                    text = snooze.note() == null
                            ? message("urgency.reason.snoozed", locale, until)
                            : message("urgency.reason.snoozed.note", locale, until, snooze.note());
                } else if (reason.rule() == UrgencyRule.OVERDUE_ANSWER) {
                    text = message(reason.rule().key(), locale, since, responseWorkingDays);
                } else {
                    String key = reason.rule().key();
                    text = reason.sinceDay() == null
                            ? texts.computeIfAbsent(key, k -> message(k, locale, ""))
                            : message(key, locale, since);
                }
                chips.add(new Chip(reason.colour().code(), reason.rule().code(), text));
            }
            if (chips.isEmpty()) {
                chips.add(new Chip(Urgency.Colour.GREEN.code(), "none", nothing));
            }
            views.add(new View(
                    row.facts().studentId(),
                    name,
                    row.colour().code(),
                    texts.computeIfAbsent(row.colour().key(), k -> text(k, locale)),
                    List.copyOf(chips),
                    week(row.week(), locale),
                    row.snoozed(),
                    message("urgency.snooze.for", locale, name),
                    message("urgency.unsnooze.for", locale, name)));
        }
        return views;
    }

    /** "Week 3 of 20" while the internship runs; the grey chips tell the other phases. */
    private String week(InternshipWeek week, Locale locale) {
        if (!week.running()) {
            return null;
        }
        return week.weeks() > 0
                ? message("internship.week.running", locale, week.week(), week.weeks())
                : message("internship.week.running-open", locale, week.week());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
