package nl.leerlog.tool.internship.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import nl.leerlog.tool.internship.InternshipWeek;
import nl.leerlog.tool.internship.InternshipWeek.Phase;
import org.junit.jupiter.api.Test;

/** The week counter of an internship at its edges: before, on and after the first and the last day. */
class InternshipWeekTests {

    // Monday 2 February to Friday 26 June 2026: 21 weeks, the last one from Monday 22 June.
    static final LocalDate START = LocalDate.of(2026, 2, 2);
    static final LocalDate END = LocalDate.of(2026, 6, 26);

    private static InternshipWeek on(LocalDate today) {
        return InternshipWeek.on(START, END, today);
    }

    @Test
    void theFirstDayIsWeekOneOfAll() {
        assertThat(on(START)).isEqualTo(new InternshipWeek(Phase.RUNNING, 1, 21, 0));
    }

    @Test
    void weekTwoStartsSevenDaysAfterTheFirstDay() {
        assertThat(on(START.plusDays(6)).week()).isEqualTo(1);
        assertThat(on(START.plusDays(7)).week()).isEqualTo(2);
    }

    @Test
    void theLastDayIsInTheLastWeek() {
        assertThat(on(END)).isEqualTo(new InternshipWeek(Phase.RUNNING, 21, 21, 0));
    }

    @Test
    void theDayAfterTheLastDayIsFinished() {
        assertThat(on(END.plusDays(1)).phase()).isEqualTo(Phase.FINISHED);
    }

    @Test
    void theDayBeforeTheStartStartsInOneDay() {
        assertThat(on(START.minusDays(1))).isEqualTo(new InternshipWeek(Phase.UPCOMING, 0, 21, 1));
        assertThat(on(START.minusDays(30)).daysUntilStart()).isEqualTo(30);
    }

    @Test
    void aOneDayInternshipIsWeekOneOfOne() {
        assertThat(InternshipWeek.on(START, START, START)).isEqualTo(new InternshipWeek(Phase.RUNNING, 1, 1, 0));
    }

    @Test
    void withoutAnEndDateTheWeekCountsOnWithoutATotal() {
        assertThat(InternshipWeek.on(START, null, START.plusDays(70)))
                .isEqualTo(new InternshipWeek(Phase.RUNNING, 11, 0, 0));
    }

    @Test
    void withoutAStartDateOrWithAnEndBeforeTheStartNothingIsKnown() {
        assertThat(InternshipWeek.on(null, END, START)).isEqualTo(InternshipWeek.UNKNOWN);
        assertThat(InternshipWeek.on(END, START, START)).isEqualTo(InternshipWeek.UNKNOWN);
    }

    @Test
    void theClockDecidesWhatDayItIs() {
        Clock lateSundayInAmsterdam = Clock.fixed(
                ZonedDateTime.of(2026, 2, 1, 23, 30, 0, 0, ZoneId.of("Europe/Amsterdam"))
                        .toInstant(),
                ZoneId.of("Europe/Amsterdam"));

        assertThat(InternshipWeek.of(START, END, lateSundayInAmsterdam).phase()).isEqualTo(Phase.UPCOMING);
        assertThat(InternshipWeek.of(START, END, lateSundayInAmsterdam.withZone(ZoneId.of("Asia/Tokyo"))))
                .isEqualTo(new InternshipWeek(Phase.RUNNING, 1, 21, 0));
    }
}
