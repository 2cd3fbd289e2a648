package nl.leerlog.tool.guidance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.leerlog.tool.guidance.internal.Urgency.Colour;
import nl.leerlog.tool.guidance.internal.Urgency.Context;
import nl.leerlog.tool.guidance.internal.Urgency.Facts;
import nl.leerlog.tool.internship.InternshipWeek;

/**
 * The reasons an intern shows on the dashboard, each with its colour and the rule that decides it. A rule answers
 * empty when it does not apply, else since when it holds (an empty inner optional when there is no moment to tell).
 */
enum UrgencyRule {
    /** On internship for the course's weeks and never sent this teacher a question. */
    NEVER_ASKED(Colour.RED, UrgencyRule::neverAsked),
    /** A question waits past the teacher's own response time, in working days. */
    OVERDUE_ANSWER(
            Colour.RED,
            (facts, context) -> earliest(
                    facts.waitingSince().stream().filter(context::overdue).toList())),
    /** The student asked for a conversation (or another moment for one) and the teacher has not proposed one yet. */
    CONVERSATION_REQUEST_OPEN(Colour.RED, (facts, context) -> earliest(facts.requestsSince())),
    /** On internship and no question for the course's weeks (counted from the later of the last question and the start). */
    SILENT(Colour.ORANGE, UrgencyRule::silent),
    /** A question waits, still within the teacher's response time. */
    ANSWER_DUE(
            Colour.ORANGE,
            (facts, context) -> earliest(facts.waitingSince().stream()
                    .filter(sent -> !context.overdue(sent))
                    .toList())),
    /** The teacher proposed a conversation and the student has not accepted it or asked for another moment. */
    PROPOSAL_UNANSWERED(Colour.ORANGE, (facts, context) -> earliest(facts.proposalsSince())),
    NOT_STARTED(Colour.GREY, inPhase(InternshipWeek.Phase.UPCOMING)),
    FINISHED(Colour.GREY, inPhase(InternshipWeek.Phase.FINISHED)),
    /** No internship data, or none that tells when it runs: the teacher asks the student to fill it in. */
    NO_INTERNSHIP_DATA(Colour.GREY, inPhase(InternshipWeek.Phase.UNKNOWN)),
    /** The teacher put the intern aside until a date; from that date on the rule no longer holds. */
    SNOOZED(Colour.GREY, UrgencyRule::snoozed);

    /** Whether a rule holds for an intern, and since when. */
    @FunctionalInterface
    private interface Holds {
        Optional<Optional<Instant>> since(Facts facts, Context context);
    }

    private final Colour colour;
    private final Holds holds;

    UrgencyRule(Colour colour, Holds holds) {
        this.colour = colour;
        this.holds = holds;
    }

    public Colour colour() {
        return colour;
    }

    /** Empty when the rule does not hold for the intern; else since when it holds, if a moment is known. */
    Optional<Optional<Instant>> since(Facts facts, Context context) {
        return holds.since(facts, context);
    }

    public String key() {
        return "urgency.reason." + code();
    }

    /** The reason as the dashboard's filter names it, e.g. {@code never-asked}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<UrgencyRule> ofCode(String value) {
        for (UrgencyRule rule : values()) {
            if (rule.code().equals(value)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private static Optional<Optional<Instant>> at(LocalDate day) {
        return Optional.of(Optional.of(day.atStartOfDay(Urgency.ZONE).toInstant()));
    }

    private static Optional<Optional<Instant>> earliest(List<Instant> moments) {
        return moments.stream().min(Comparator.naturalOrder()).map(Optional::of);
    }

    /** Holds, without a moment to wait from, while the internship is in {@code phase}. */
    private static Holds inPhase(InternshipWeek.Phase phase) {
        return (facts, context) ->
                context.week(facts.internship()).phase() == phase ? Optional.of(Optional.empty()) : Optional.empty();
    }

    private static Optional<Optional<Instant>> neverAsked(Facts facts, Context context) {
        InternshipWeek week = context.week(facts.internship());
        if (!week.running() || facts.lastQuestionAt() != null) {
            return Optional.empty();
        }
        LocalDate start = facts.internship().startsOn();
        return start.plusWeeks(context.thresholds().neverAskedWeeks()).isAfter(context.today())
                ? Optional.empty()
                : at(start);
    }

    private static Optional<Optional<Instant>> silent(Facts facts, Context context) {
        InternshipWeek week = context.week(facts.internship());
        if (!week.running() || facts.lastQuestionAt() == null) {
            return Optional.empty();
        }
        LocalDate asked = LocalDate.ofInstant(facts.lastQuestionAt(), Urgency.ZONE);
        LocalDate from = asked.isBefore(facts.internship().startsOn())
                ? facts.internship().startsOn()
                : asked;
        if (from.plusWeeks(context.thresholds().silentWeeks()).isAfter(context.today())) {
            return Optional.empty();
        }
        return Optional.of(Optional.of(
                asked.isBefore(from) ? from.atStartOfDay(Urgency.ZONE).toInstant() : facts.lastQuestionAt()));
    }

    private static Optional<Optional<Instant>> snoozed(Facts facts, Context context) {
        return facts.snooze() != null && context.today().isBefore(facts.snooze().until())
                ? Optional.of(Optional.empty())
                : Optional.empty();
    }
}
