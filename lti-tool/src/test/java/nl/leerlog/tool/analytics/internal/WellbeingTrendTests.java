package nl.leerlog.tool.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The low-wellbeing rule on a fixed day (Wednesday 11 March 2026): two low check-ins of two weeks in a row, the later
 * of this week or the last, and nothing else.
 */
class WellbeingTrendTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-11T10:00:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.now(CLOCK);
    static final LocalDate THIS_WEEK = LocalDate.of(2026, 3, 9);

    static CheckIn checkIn(LocalDate week, int mood, int workload, int energy) {
        return new CheckIn(week.toEpochDay(), week, mood, workload, energy, null);
    }

    static boolean low(CheckIn... newestFirst) {
        return WellbeingTrend.low(List.of(newestFirst), TODAY);
    }

    @Test
    void twoLowWeeksInARowEndingThisWeekHold() {
        assertThat(CheckIns.weekOf(TODAY)).isEqualTo(THIS_WEEK);
        assertThat(low(checkIn(THIS_WEEK, 2, 3, 3), checkIn(THIS_WEEK.minusWeeks(1), 1, 3, 2)))
                .isTrue();
    }

    @Test
    void twoLowWeeksEndingLastWeekStillHoldBeforeThisWeeksCheckIn() {
        assertThat(low(checkIn(THIS_WEEK.minusWeeks(1), 3, 3, 2), checkIn(THIS_WEEK.minusWeeks(2), 2, 3, 4)))
                .isTrue();
    }

    @Test
    void lowEnergyAloneIsLowAndAHeavyWorkloadAloneIsNot() {
        assertThat(low(checkIn(THIS_WEEK, 4, 3, 1), checkIn(THIS_WEEK.minusWeeks(1), 5, 3, 2)))
                .isTrue();
        assertThat(low(checkIn(THIS_WEEK, 3, 5, 3), checkIn(THIS_WEEK.minusWeeks(1), 3, 5, 3)))
                .isFalse();
    }

    @Test
    void oneGoodWeekOfTheTwoIsNoLowTrend() {
        assertThat(low(checkIn(THIS_WEEK, 1, 3, 1), checkIn(THIS_WEEK.minusWeeks(1), 3, 3, 3)))
                .isFalse();
        assertThat(low(checkIn(THIS_WEEK, 3, 3, 3), checkIn(THIS_WEEK.minusWeeks(1), 1, 3, 1)))
                .isFalse();
    }

    @Test
    void weeksWithAGapBetweenThemAreNoTrend() {
        assertThat(low(checkIn(THIS_WEEK, 1, 3, 1), checkIn(THIS_WEEK.minusWeeks(2), 1, 3, 1)))
                .isFalse();
    }

    @Test
    void lowWeeksLongAgoNoLongerHold() {
        assertThat(low(checkIn(THIS_WEEK.minusWeeks(2), 1, 3, 1), checkIn(THIS_WEEK.minusWeeks(3), 1, 3, 1)))
                .isFalse();
    }

    @Test
    void noOrOneCheckInIsNoTrend() {
        assertThat(low()).isFalse();
        assertThat(low(checkIn(THIS_WEEK, 1, 1, 1))).isFalse();
    }

    @Test
    void theBoundaryOfTheScaleIsTwo() {
        assertThat(WellbeingTrend.low(checkIn(THIS_WEEK, 2, 3, 3))).isTrue();
        assertThat(WellbeingTrend.low(checkIn(THIS_WEEK, 3, 3, 3))).isFalse();
    }
}
