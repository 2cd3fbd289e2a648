package nl.leerlog.tool.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.learninglog.MomentFact;
import nl.leerlog.tool.programme.Choice;
import nl.leerlog.tool.reflection.ReflectionFact;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every tip rule type over a student's figures on a fixed day, with the edge cases of no data and no internship. */
class TipConditionsTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-18T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    static final LocalDate TODAY = LocalDate.now(CLOCK);
    static final TipText TEXT = new TipText("a", "a", "b", "b", "c", "c");
    static final List<Choice> CATEGORIES = List.of(new Choice(1, "Practical work"), new Choice(2, "Meeting"));
    static final List<Choice> COMPETENCIES =
            List.of(new Choice(10, "Communication", "C1"), new Choice(11, "Planning", "C2"));
    static final Map<Long, List<StudentFigures.Step>> STEPS = Map.of(
            100L,
            List.of(
                    new StudentFigures.Step("feedback", "Feedback"),
                    new StudentFigures.Step("feed-forward", "Feed-forward")));
    /** In week 3 on TODAY: started 16 days before. */
    static final Internship RUNNING =
            new Internship("Zorggroep West", null, null, TODAY.minusDays(16), TODAY.plusWeeks(8), null);

    static TipRule rule(TipRuleType type, int threshold) {
        return new TipRule("r", type, true, threshold, null, 1, 7, TEXT);
    }

    static MomentFact moment(LocalDate on, Long category, Set<Long> goals, Set<Long> competencies) {
        return new MomentFact(on.toEpochDay(), on, 30, category, false, goals, competencies);
    }

    static MomentFact moment(LocalDate on) {
        return moment(on, null, Set.of(), Set.of());
    }

    static ReflectionFact reflection(Set<String> answered) {
        return new ReflectionFact(1, OffsetDateTime.of(2026, 3, 10, 12, 0, 0, 0, ZoneOffset.UTC), false, 100, answered);
    }

    static StudentFigures figures(
            List<MomentFact> moments, List<ReflectionFact> reflections, Internship internship, boolean ownGoal) {
        return new StudentFigures(
                moments, reflections, CATEGORIES, List.of(), COMPETENCIES, STEPS, internship, ownGoal);
    }

    static boolean holds(TipRule rule, StudentFigures figures) {
        return TipConditions.check(rule, figures, TODAY).isPresent();
    }

    @Nested
    class NoMomentForDays {

        TipRule rule = rule(TipRuleType.NO_MOMENT_FOR_DAYS, 7);

        @Test
        void holdsWhenTheLastMomentIsOlderThanTheDaysAndSaysWhen() {
            var reason = TipConditions.check(
                    rule, figures(List.of(moment(TODAY.minusDays(7))), List.of(), RUNNING, false), TODAY);

            assertThat(reason).hasValueSatisfying(why -> {
                assertThat(why.key()).isEqualTo("tips.reason.no-moment.since");
                assertThat(why.arguments()).containsExactly(7, "2026-03-11");
            });
        }

        @Test
        void doesNotHoldWithAMomentWithinTheDays() {
            assertThat(holds(rule, figures(List.of(moment(TODAY.minusDays(6))), List.of(), RUNNING, false)))
                    .isFalse();
        }

        @Test
        void aDraftDoesNotCountAsLogged() {
            var draft = new MomentFact(1, TODAY, 30, null, true, Set.of(), Set.of());

            assertThat(holds(rule, figures(List.of(draft), List.of(), RUNNING, false)))
                    .isTrue();
        }

        @Test
        void holdsWithoutAnyDataWhenNoInternshipIsKnown() {
            assertThat(holds(rule, figures(List.of(), List.of(), Internship.EMPTY, false)))
                    .isTrue();
        }

        @Test
        void doesNotHoldBeforeTheInternshipStartsAfterItEndsOrInItsFirstDays() {
            var upcoming = new Internship("X", null, null, TODAY.plusDays(3), TODAY.plusWeeks(10), null);
            var finished = new Internship("X", null, null, TODAY.minusWeeks(10), TODAY.minusDays(1), null);
            var justStarted = new Internship("X", null, null, TODAY.minusDays(2), TODAY.plusWeeks(10), null);

            assertThat(holds(rule, figures(List.of(), List.of(), upcoming, false)))
                    .isFalse();
            assertThat(holds(rule, figures(List.of(), List.of(), finished, false)))
                    .isFalse();
            assertThat(holds(rule, figures(List.of(), List.of(), justStarted, false)))
                    .isFalse();
        }
    }

    @Nested
    class CategoryShare {

        TipRule rule = rule(TipRuleType.CATEGORY_SHARE, 70);

        List<MomentFact> moments(int practical, int meeting) {
            List<MomentFact> moments = new ArrayList<>();
            for (int i = 0; i < practical; i++) {
                moments.add(moment(TODAY.minusDays(i), 1L, Set.of(), Set.of()));
            }
            for (int i = 0; i < meeting; i++) {
                moments.add(moment(TODAY.minusDays(i), 2L, Set.of(), Set.of()));
            }
            return moments;
        }

        @Test
        void holdsAboveTheShareAndNamesTheCategory() {
            var reason = TipConditions.check(rule, figures(moments(8, 2), List.of(), RUNNING, false), TODAY);

            assertThat(reason)
                    .hasValueSatisfying(why -> assertThat(why.arguments()).containsExactly(80L, "Practical work"));
        }

        @Test
        void doesNotHoldAtExactlyTheShare() {
            assertThat(holds(rule, figures(moments(7, 3), List.of(), RUNNING, false)))
                    .isFalse();
        }

        @Test
        void needsFiveMomentsWithACategory() {
            assertThat(holds(rule, figures(moments(4, 0), List.of(), RUNNING, false)))
                    .isFalse();
            assertThat(holds(rule, figures(List.of(), List.of(), RUNNING, false)))
                    .isFalse();
        }
    }

    @Nested
    class CompetencyUnlinked {

        @Test
        void holdsAfterTheWeekForEveryCompetencyNeverLinked() {
            var moments = List.of(moment(TODAY, null, Set.of(), Set.of(10L)));

            var reason = TipConditions.check(
                    rule(TipRuleType.COMPETENCY_UNLINKED, 2), figures(moments, List.of(), RUNNING, false), TODAY);

            assertThat(reason)
                    .hasValueSatisfying(why -> assertThat(why.arguments()).containsExactly(2, 1, "C2"));
        }

        @Test
        void aRuleAboutOneCompetencyLooksOnlyAtThatOne() {
            var moments = List.of(moment(TODAY, null, Set.of(), Set.of(10L)));
            var aboutCommunication = new TipRule("r", TipRuleType.COMPETENCY_UNLINKED, true, 2, 10L, 1, 7, TEXT);
            var aboutPlanning = new TipRule("r", TipRuleType.COMPETENCY_UNLINKED, true, 2, 11L, 1, 7, TEXT);

            assertThat(holds(aboutCommunication, figures(moments, List.of(), RUNNING, false)))
                    .isFalse();
            assertThat(holds(aboutPlanning, figures(moments, List.of(), RUNNING, false)))
                    .isTrue();
        }

        @Test
        void doesNotHoldInOrBeforeTheWeekNorWithoutAKnownInternship() {
            assertThat(holds(rule(TipRuleType.COMPETENCY_UNLINKED, 3), figures(List.of(), List.of(), RUNNING, false)))
                    .isFalse();
            assertThat(holds(
                            rule(TipRuleType.COMPETENCY_UNLINKED, 1),
                            figures(List.of(), List.of(), Internship.EMPTY, false)))
                    .isFalse();
        }
    }

    @Nested
    class ReflectionsStopAtStep {

        TipRule rule = rule(TipRuleType.REFLECTION_STOPS_AT_STEP, 2);

        @Test
        void holdsWhenMostReflectionsStopAtTheStepOrEarlier() {
            var reflections = List.of(
                    reflection(Set.of("feedback")),
                    reflection(Set.of()),
                    reflection(Set.of("feedback", "feed-forward")));

            var reason = TipConditions.check(rule, figures(List.of(), reflections, RUNNING, false), TODAY);

            assertThat(reason)
                    .hasValueSatisfying(why -> assertThat(why.arguments()).containsExactly(2L, 3, 2));
        }

        @Test
        void doesNotHoldWhenMostAreComplete() {
            var complete = Set.of("feedback", "feed-forward");
            var reflections = List.of(reflection(complete), reflection(complete), reflection(Set.of("feedback")));

            assertThat(holds(rule, figures(List.of(), reflections, RUNNING, false)))
                    .isFalse();
        }

        @Test
        void needsThreeReflections() {
            var reflections = List.of(reflection(Set.of()), reflection(Set.of()));

            assertThat(holds(rule, figures(List.of(), reflections, RUNNING, false)))
                    .isFalse();
            assertThat(holds(rule, figures(List.of(), List.of(), RUNNING, false)))
                    .isFalse();
        }

        @Test
        void aStopLaterThanTheStepDoesNotCount() {
            var reflections = List.of(
                    reflection(Set.of("feedback")), reflection(Set.of("feedback")), reflection(Set.of("feedback")));

            assertThat(holds(
                            rule(TipRuleType.REFLECTION_STOPS_AT_STEP, 1),
                            figures(List.of(), reflections, RUNNING, false)))
                    .isFalse();
        }
    }

    @Nested
    class NoGoalAfterWeek {

        TipRule rule = rule(TipRuleType.NO_GOAL_AFTER_WEEK, 2);

        @Test
        void holdsAfterTheWeekWithoutAnOwnGoalOrALinkedOne() {
            var reason = TipConditions.check(rule, figures(List.of(moment(TODAY)), List.of(), RUNNING, false), TODAY);

            assertThat(reason)
                    .hasValueSatisfying(why -> assertThat(why.arguments()).containsExactly(3));
        }

        @Test
        void anOwnGoalOrALinkedGoalIsEnough() {
            var linked = List.of(moment(TODAY, null, Set.of(5L), Set.of()));

            assertThat(holds(rule, figures(List.of(), List.of(), RUNNING, true)))
                    .isFalse();
            assertThat(holds(rule, figures(linked, List.of(), RUNNING, false))).isFalse();
        }

        @Test
        void doesNotHoldBeforeTheInternshipOrAfterIt() {
            var upcoming = new Internship("X", null, null, TODAY.plusDays(3), null, null);
            var finished = new Internship("X", null, null, TODAY.minusWeeks(10), TODAY.minusDays(1), null);

            assertThat(holds(rule, figures(List.of(), List.of(), upcoming, false)))
                    .isFalse();
            assertThat(holds(rule, figures(List.of(), List.of(), finished, false)))
                    .isFalse();
            assertThat(holds(rule, figures(List.of(), List.of(), Internship.EMPTY, false)))
                    .isFalse();
        }
    }

    @Nested
    class InternshipMissing {

        TipRule rule = rule(TipRuleType.INTERNSHIP_MISSING, 0);

        @Test
        void holdsWithoutInternshipDataAndSaysWhatIsMissing() {
            var noStart = new Internship("Zorggroep West", null, null, null, null, null);

            assertThat(TipConditions.check(rule, figures(List.of(), List.of(), Internship.EMPTY, false), TODAY))
                    .hasValueSatisfying(
                            why -> assertThat(why.key()).isEqualTo("tips.reason.internship-missing.organisation"));
            assertThat(TipConditions.check(rule, figures(List.of(), List.of(), noStart, false), TODAY))
                    .hasValueSatisfying(why -> assertThat(why.key()).isEqualTo("tips.reason.internship-missing.start"));
        }

        @Test
        void doesNotHoldOnceOrganisationAndStartAreEntered() {
            assertThat(holds(rule, figures(List.of(), List.of(), RUNNING, false)))
                    .isFalse();
        }
    }
}
