package nl.leerlog.tool.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.leerlog.tool.guidance.internal.Urgency.Colour;
import nl.leerlog.tool.guidance.internal.Urgency.Context;
import nl.leerlog.tool.guidance.internal.Urgency.Facts;
import nl.leerlog.tool.guidance.internal.Urgency.Row;
import nl.leerlog.tool.guidance.internal.Urgency.Snooze;
import nl.leerlog.tool.guidance.internal.Urgency.Thresholds;
import nl.leerlog.tool.internship.Internship;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every urgency rule on its own, with a fixed clock: Wednesday 11 March 2026, noon in Amsterdam. */
class UrgencyTests {

    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 11, 12, 0, 0, 0, Urgency.ZONE);
    static final LocalDate TODAY = NOW.toLocalDate();

    static Context context() {
        return context(NOW.toInstant(), 3);
    }

    static Context context(Instant now, int workingDays) {
        return Context.of(Clock.fixed(now, ZoneOffset.UTC), Thresholds.DEFAULT, workingDays);
    }

    static Internship running(LocalDate start) {
        return new Internship("Zorggroep", null, null, start, start.plusWeeks(20), null);
    }

    static Internship between(LocalDate start, LocalDate end) {
        return new Internship("Zorggroep", null, null, start, end, null);
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(Urgency.ZONE).toInstant();
    }

    /** An intern built up fact by fact. */
    static final class Intern {
        Internship internship = running(TODAY.minusWeeks(6));
        Instant lastQuestion = at(TODAY.minusDays(2), 10);
        List<Instant> waiting = new ArrayList<>();
        List<Instant> requests = new ArrayList<>();
        List<Instant> proposals = new ArrayList<>();
        Snooze snooze;
        String name = "Sanne";

        Facts facts() {
            return new Facts(1, name, internship, lastQuestion, waiting, requests, proposals, snooze);
        }

        Row row() {
            return Urgency.of(facts(), context());
        }

        Row row(Context context) {
            return Urgency.of(facts(), context);
        }
    }

    @Nested
    class NeverAsked {
        @Test
        void redOnceOnInternshipForThreeWeeksWithoutAQuestion() {
            Intern intern = new Intern();
            intern.lastQuestion = null;
            intern.internship = running(TODAY.minusWeeks(3));

            Row row = intern.row();

            assertThat(row.colour()).isEqualTo(Colour.RED);
            assertThat(row.has(UrgencyRule.NEVER_ASKED)).isTrue();
            assertThat(UrgencyRule.NEVER_ASKED.since(intern.facts(), context()))
                    .contains(java.util.Optional.of(at(TODAY.minusWeeks(3), 0)));
        }

        @Test
        void greenTheDayBeforeTheThirdWeekIsFull() {
            Intern intern = new Intern();
            intern.lastQuestion = null;
            intern.internship = running(TODAY.minusWeeks(3).plusDays(1));

            assertThat(intern.row().colour()).isEqualTo(Colour.GREEN);
            assertThat(intern.row().reasons()).isEmpty();
        }

        @Test
        void theCoursesOwnWeeksCount() {
            Intern intern = new Intern();
            intern.lastQuestion = null;
            intern.internship = running(TODAY.minusWeeks(2));
            Context twoWeeks = Context.of(Clock.fixed(NOW.toInstant(), ZoneOffset.UTC), new Thresholds(2, 4), 3);

            assertThat(intern.row(twoWeeks).has(UrgencyRule.NEVER_ASKED)).isTrue();
            assertThat(intern.row().has(UrgencyRule.NEVER_ASKED)).isFalse();
        }

        @Test
        void notBeforeTheStartNorAfterTheEndNorWithoutData() {
            Intern intern = new Intern();
            intern.lastQuestion = null;
            intern.internship = running(TODAY.plusDays(1));
            assertThat(intern.row().reasons())
                    .extracting(Urgency.Reason::rule)
                    .containsExactly(UrgencyRule.NOT_STARTED);

            intern.internship = new Internship(null, null, null, TODAY.minusWeeks(30), TODAY.minusDays(1), null);
            assertThat(intern.row().reasons()).extracting(Urgency.Reason::rule).containsExactly(UrgencyRule.FINISHED);

            intern.internship = null;
            assertThat(intern.row().reasons())
                    .extracting(Urgency.Reason::rule)
                    .containsExactly(UrgencyRule.NO_INTERNSHIP_DATA);
            assertThat(intern.row().colour()).isEqualTo(Colour.GREY);
        }
    }

    @Nested
    class OverdueAndDue {
        @Test
        void withinTheResponseTimeOrangeAfterItRed() {
            Intern intern = new Intern();
            // Monday 9 March, 3 working days: due Thursday 12 March.
            intern.waiting.add(at(TODAY.minusDays(2), 9));
            assertThat(intern.row().colour()).isEqualTo(Colour.ORANGE);
            assertThat(intern.row().has(UrgencyRule.ANSWER_DUE)).isTrue();

            // Thursday 5 March: due Tuesday 10 March, so overdue on Wednesday.
            intern.waiting.add(at(TODAY.minusDays(6), 9));
            Row row = intern.row();
            assertThat(row.colour()).isEqualTo(Colour.RED);
            assertThat(row.reasons())
                    .extracting(Urgency.Reason::rule)
                    .containsExactly(UrgencyRule.OVERDUE_ANSWER, UrgencyRule.ANSWER_DUE);
            assertThat(row.since()).isEqualTo(at(TODAY.minusDays(6), 9));
        }

        @Test
        void theLastDayOfTheResponseTimeIsStillInTime() {
            // Friday 6 March, 3 working days: Monday, Tuesday, Wednesday: today is the last day.
            Intern intern = new Intern();
            intern.waiting.add(at(LocalDate.of(2026, 3, 6), 10));
            assertThat(intern.row().has(UrgencyRule.ANSWER_DUE)).isTrue();
            assertThat(intern.row(context(at(LocalDate.of(2026, 3, 12), 0), 3)).has(UrgencyRule.OVERDUE_ANSWER))
                    .isTrue();
        }

        @Test
        void aQuestionSentFridayEveningIsDueAfterTheWeekend() {
            Intern intern = new Intern();
            intern.waiting.add(at(LocalDate.of(2026, 3, 6), 21));
            // One working day: due Monday 9 March; on Monday still in time, on Tuesday overdue.
            assertThat(intern.row(context(at(LocalDate.of(2026, 3, 9), 23), 1)).has(UrgencyRule.ANSWER_DUE))
                    .isTrue();
            assertThat(intern.row(context(at(LocalDate.of(2026, 3, 8), 23), 1)).has(UrgencyRule.ANSWER_DUE))
                    .isTrue();
            assertThat(intern.row(context(at(LocalDate.of(2026, 3, 10), 8), 1)).has(UrgencyRule.OVERDUE_ANSWER))
                    .isTrue();
            assertThat(Urgency.plusWorkingDays(LocalDate.of(2026, 3, 6), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
            assertThat(Urgency.plusWorkingDays(LocalDate.of(2026, 3, 7), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
            assertThat(Urgency.plusWorkingDays(LocalDate.of(2026, 3, 6), 5)).isEqualTo(LocalDate.of(2026, 3, 13));
        }

        @Test
        void daysAreAmsterdamsNotUtcs() {
            // Sunday 8 March 23:30 UTC is Monday 00:30 in Amsterdam: one working day makes it due Tuesday.
            Instant sent = Instant.parse("2026-03-08T23:30:00Z");
            Context tuesday = context(Instant.parse("2026-03-10T20:00:00Z"), 1);
            Context wednesdayInAmsterdam = context(Instant.parse("2026-03-10T23:30:00Z"), 1);
            Intern intern = new Intern();
            intern.waiting.add(sent);

            assertThat(tuesday.dueOn(sent)).isEqualTo(LocalDate.of(2026, 3, 10));
            assertThat(intern.row(tuesday).has(UrgencyRule.ANSWER_DUE)).isTrue();
            assertThat(intern.row(wednesdayInAmsterdam).has(UrgencyRule.OVERDUE_ANSWER))
                    .isTrue();
        }

        @Test
        void aWaitingQuestionKeepsItsColourWithoutInternshipData() {
            Intern intern = new Intern();
            intern.internship = null;
            intern.waiting.add(at(TODAY, 9));

            Row row = intern.row();
            assertThat(row.colour()).isEqualTo(Colour.ORANGE);
            assertThat(row.reasons())
                    .extracting(Urgency.Reason::rule)
                    .containsExactly(UrgencyRule.ANSWER_DUE, UrgencyRule.NO_INTERNSHIP_DATA);

            intern.internship = between(TODAY.minusWeeks(30), TODAY.minusWeeks(1));
            intern.waiting.set(0, at(TODAY.minusWeeks(1), 9));
            assertThat(intern.row().colour()).isEqualTo(Colour.RED);
        }
    }

    @Nested
    class ConversationsAndProposals {
        @Test
        void anOpenConversationRequestIsRedAtOnce() {
            Intern intern = new Intern();
            intern.requests.add(at(TODAY, 11));

            assertThat(intern.row().colour()).isEqualTo(Colour.RED);
            assertThat(intern.row().has(UrgencyRule.CONVERSATION_REQUEST_OPEN)).isTrue();
        }

        @Test
        void aProposalTheStudentHasNotAnsweredIsOrange() {
            Intern intern = new Intern();
            intern.proposals.add(at(TODAY.minusDays(1), 11));

            assertThat(intern.row().colour()).isEqualTo(Colour.ORANGE);
            assertThat(intern.row().reasons())
                    .extracting(Urgency.Reason::rule)
                    .containsExactly(UrgencyRule.PROPOSAL_UNANSWERED);
        }
    }

    @Nested
    class Silent {
        @Test
        void orangeAfterFourWeeksWithoutAQuestionOnInternship() {
            Intern intern = new Intern();
            intern.lastQuestion = at(TODAY.minusWeeks(4), 9);
            assertThat(intern.row().colour()).isEqualTo(Colour.ORANGE);
            assertThat(intern.row().has(UrgencyRule.SILENT)).isTrue();

            intern.lastQuestion = at(TODAY.minusWeeks(4).plusDays(1), 9);
            assertThat(intern.row().colour()).isEqualTo(Colour.GREEN);
        }

        @Test
        void theWeeksCountFromTheStartWhenTheLastQuestionCameBeforeIt() {
            Intern intern = new Intern();
            intern.internship = running(TODAY.minusWeeks(2));
            intern.lastQuestion = at(TODAY.minusWeeks(10), 9);
            assertThat(intern.row().colour()).isEqualTo(Colour.GREEN);

            intern.internship = running(TODAY.minusWeeks(4));
            assertThat(intern.row().has(UrgencyRule.SILENT)).isTrue();
        }

        @Test
        void notWhenTheInternshipIsOver() {
            Intern intern = new Intern();
            intern.lastQuestion = at(TODAY.minusWeeks(10), 9);
            intern.internship = between(TODAY.minusWeeks(30), TODAY.minusDays(1));

            assertThat(intern.row().colour()).isEqualTo(Colour.GREY);
            assertThat(intern.row().reasons()).extracting(Urgency.Reason::rule).containsExactly(UrgencyRule.FINISHED);
        }
    }

    @Nested
    class Snoozed {
        @Test
        void greyUntilTheDateThenBackByItself() {
            Intern intern = new Intern();
            intern.lastQuestion = null;
            intern.snooze = new Snooze(TODAY.plusDays(1), "On leave until 12 March");

            Row snoozed = intern.row();
            assertThat(snoozed.colour()).isEqualTo(Colour.GREY);
            assertThat(snoozed.reasons())
                    .extracting(Urgency.Reason::rule)
                    .containsExactly(UrgencyRule.NEVER_ASKED, UrgencyRule.SNOOZED);

            Row back = intern.row(context(at(TODAY.plusDays(1), 0), 3));
            assertThat(back.colour()).isEqualTo(Colour.RED);
            assertThat(back.has(UrgencyRule.SNOOZED)).isFalse();
        }
    }

    @Test
    void theRowsComeRedOrangeGreenGreyAndTheLongestWaitingFirst() {
        List<Row> rows = new ArrayList<>();
        Intern grey = new Intern();
        grey.name = "A grey";
        grey.internship = null;
        rows.add(grey.row());
        Intern green = new Intern();
        green.name = "B green";
        rows.add(green.row());
        Intern recentRed = new Intern();
        recentRed.name = "C recent red";
        recentRed.requests.add(at(TODAY, 8));
        rows.add(recentRed.row());
        Intern orange = new Intern();
        orange.name = "D orange";
        orange.waiting.add(at(TODAY, 8));
        rows.add(orange.row());
        Intern oldRed = new Intern();
        oldRed.name = "E old red";
        oldRed.waiting.add(at(TODAY.minusWeeks(2), 8));
        rows.add(oldRed.row());

        rows.sort(Urgency.ORDER);

        assertThat(rows)
                .extracting(row -> row.facts().name())
                .containsExactly("E old red", "C recent red", "D orange", "B green", "A grey");
    }

    @Test
    void everyRuleHasItsParameterAndMessageKey() {
        for (UrgencyRule rule : UrgencyRule.values()) {
            assertThat(UrgencyRule.ofCode(rule.code())).contains(rule);
            assertThat(rule.key()).startsWith("urgency.reason.");
        }
        assertThat(UrgencyRule.ofCode("bogus")).isEmpty();
        assertThat(Colour.ofCode("red")).contains(Colour.RED);
        assertThat(Colour.ofCode("purple")).isEmpty();
    }
}
