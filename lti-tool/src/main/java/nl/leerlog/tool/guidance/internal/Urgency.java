package nl.leerlog.tool.guidance.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.internship.InternshipWeek;

/**
 * How urgently an intern needs their teacher, and why (issue 12): one {@link UrgencyRule} per reason, each deciding
 * from what the teacher may see (guidance facts and internship data) whether it applies and since when. Days are
 * Amsterdam's, as the schools, students and workplaces are in the Netherlands; working days are Monday to Friday.
 */
final class Urgency {

    static final ZoneId ZONE = Conversation.ZONE;

    private Urgency() {}

    /** The colours in the dashboard's order: who needs the teacher now comes first. */
    enum Colour {
        RED,
        ORANGE,
        GREEN,
        GREY;

        public String key() {
            return "urgency.colour." + name().toLowerCase(Locale.ROOT);
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Colour> ofCode(String value) {
            for (Colour colour : values()) {
                if (colour.code().equals(value)) {
                    return Optional.of(colour);
                }
            }
            return Optional.empty();
        }
    }

    /** The weeks after which an intern on internship who never asked, or went silent, needs their teacher. */
    record Thresholds(int neverAskedWeeks, int silentWeeks) {
        static final Thresholds DEFAULT = new Thresholds(3, 4);
        static final int MAX_WEEKS = 26;
    }

    /** A teacher's note to self that puts an intern aside until a date (they come back on that date). */
    record Snooze(LocalDate until, String note) {}

    /**
     * What the teacher may see of one intern: never anything of their learning log.
     *
     * @param internship the internship data, or null when the student entered none
     * @param lastQuestionAt when the student last sent this teacher a question, or null if never
     * @param waitingSince per question waiting for a written answer, since when it waits
     * @param requestsSince per question asking for a conversation that the teacher has not planned, since when
     * @param proposalsSince per conversation the teacher proposed and the student has not answered, since when
     * @param snooze the teacher's snooze, or null
     */
    record Facts(
            long studentId,
            String name,
            Internship internship,
            Instant lastQuestionAt,
            List<Instant> waitingSince,
            List<Instant> requestsSince,
            List<Instant> proposalsSince,
            Snooze snooze) {

        Facts {
            waitingSince = List.copyOf(waitingSince);
            requestsSince = List.copyOf(requestsSince);
            proposalsSince = List.copyOf(proposalsSince);
        }
    }

    /** What the rules measure against: today's moment, the course's thresholds and the teacher's response time. */
    record Context(Instant now, LocalDate today, Thresholds thresholds, int responseWorkingDays) {

        static Context of(Clock clock, Thresholds thresholds, int responseWorkingDays) {
            Instant now = clock.instant();
            return new Context(now, LocalDate.ofInstant(now, ZONE), thresholds, responseWorkingDays);
        }

        /** The last day on which a question sent at {@code sent} is answered in time. */
        LocalDate dueOn(Instant sent) {
            return plusWorkingDays(LocalDate.ofInstant(sent, ZONE), responseWorkingDays);
        }

        boolean overdue(Instant sent) {
            return today.isAfter(dueOn(sent));
        }

        InternshipWeek week(Internship internship) {
            return internship == null
                    ? InternshipWeek.UNKNOWN
                    : InternshipWeek.on(internship.startsOn(), internship.endsOn(), today);
        }
    }

    /** {@code day} plus {@code days} working days (Monday to Friday): Friday plus one is Monday. */
    static LocalDate plusWorkingDays(LocalDate day, int days) {
        LocalDate result = day;
        int added = 0;
        while (added < days) {
            result = result.plusDays(1);
            if (result.getDayOfWeek() != DayOfWeek.SATURDAY && result.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return result;
    }

    /** One reason on an intern's row, with since when it holds (the longest-waiting come first). */
    record Reason(UrgencyRule rule, Instant since) {

        public Colour colour() {
            return rule.colour();
        }

        /** The day, in Amsterdam, since which the reason holds; null when there is no moment to tell. */
        public LocalDate sinceDay() {
            return since == null ? null : LocalDate.ofInstant(since, ZONE);
        }
    }

    /** An intern's row: the colour, the reasons as chips (worst first), and the facts it was decided from. */
    record Row(Facts facts, InternshipWeek week, Colour colour, List<Reason> reasons) {

        /** Since when the row's colour holds, for the order within a colour; null when nothing waits. */
        public Instant since() {
            return reasons.stream()
                    .filter(reason -> reason.colour() == colour && reason.since() != null)
                    .map(Reason::since)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
        }

        public boolean has(UrgencyRule rule) {
            return reasons.stream().anyMatch(reason -> reason.rule() == rule);
        }

        /** Whether the teacher put the intern aside for now. */
        public boolean snoozed() {
            return has(UrgencyRule.SNOOZED);
        }
    }

    /**
     * The intern's row. A snooze turns the row grey with its note; otherwise red beats orange, a question waiting
     * keeps its colour whatever the internship data says, and grey (not started, finished, no data) is only for
     * interns who need nothing now.
     */
    static Row of(Facts facts, Context context) {
        List<Reason> reasons = new ArrayList<>();
        for (UrgencyRule rule : UrgencyRule.values()) {
            rule.since(facts, context).ifPresent(since -> reasons.add(new Reason(rule, since.orElse(null))));
        }
        reasons.sort(Comparator.comparing(Reason::colour));
        Colour colour;
        if (reasons.stream().anyMatch(reason -> reason.rule() == UrgencyRule.SNOOZED)) {
            colour = Colour.GREY;
        } else if (reasons.isEmpty()) {
            colour = Colour.GREEN;
        } else {
            colour = reasons.getFirst().colour();
        }
        return new Row(facts, context.week(facts.internship()), colour, List.copyOf(reasons));
    }

    /** Red first, then orange, green and grey; within a colour the longest-waiting first, then by name. */
    static final Comparator<Row> ORDER = Comparator.comparing(Row::colour)
            .thenComparing(Row::since, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(row -> row.facts().name() == null ? "" : row.facts().name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparingLong(row -> row.facts().studentId());
}
