package nl.leerlog.tool.cafe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The weekly meeting's next occurrence on Dutch time, and its calendar file as a calendar reads it. */
class CafeMeetingTests {

    private static final CafeMeetings.Meeting TUESDAY_FOUR_PM = new CafeMeetings.Meeting(
            7, DayOfWeek.TUESDAY, LocalTime.of(16, 0), 60, "https://meet.example.nl/cafe-noord", 2);

    private static Instant amsterdam(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute)
                .atZone(CafeMeetings.ZONE)
                .toInstant();
    }

    @Test
    void theNextMeetingIsTodayUntilItHasEndedThenNextWeek() {
        // Tuesday 8 December 2026.
        assertThat(TUESDAY_FOUR_PM.next(amsterdam(2026, 12, 8, 9, 0)).startsAt())
                .isEqualTo(ZonedDateTime.of(2026, 12, 8, 16, 0, 0, 0, CafeMeetings.ZONE));
        assertThat(TUESDAY_FOUR_PM.next(amsterdam(2026, 12, 8, 16, 30)).startsAt())
                .as("a meeting going on still counts: late members find the link")
                .isEqualTo(ZonedDateTime.of(2026, 12, 8, 16, 0, 0, 0, CafeMeetings.ZONE));
        assertThat(TUESDAY_FOUR_PM.next(amsterdam(2026, 12, 8, 17, 0)).startsAt())
                .isEqualTo(ZonedDateTime.of(2026, 12, 15, 16, 0, 0, 0, CafeMeetings.ZONE));
        assertThat(TUESDAY_FOUR_PM.next(amsterdam(2026, 12, 10, 12, 0)).endsAt())
                .isEqualTo(ZonedDateTime.of(2026, 12, 15, 17, 0, 0, 0, CafeMeetings.ZONE));
    }

    @Test
    void theMeetingKeepsItsLocalTimeWhenTheClocksChange() {
        // Summer time starts on Sunday 28 March 2027: the meeting stays at 16:00, now UTC+2.
        ZonedDateTime next = TUESDAY_FOUR_PM.next(amsterdam(2027, 3, 24, 12, 0)).startsAt();
        assertThat(next.toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 3, 30, 16, 0));
        assertThat(next.getOffset().getTotalSeconds()).isEqualTo(2 * 3600);
    }

    @Test
    void theCalendarFileIsAWeeklySeriesFromTheNextMeetingOnDutchTime() throws Exception {
        String ics = MeetingInvitation.of(
                TUESDAY_FOUR_PM,
                "leerlog.example.nl",
                "Weekly meeting of Café Noord",
                "Video link: https://meet.example.nl/cafe-noord",
                amsterdam(2026, 12, 9, 10, 0));

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
        assertThat(value(event, "DTSTART")).isEqualTo("20261215T160000");
        assertThat(event.getProperty("DTSTART")
                        .orElseThrow()
                        .getParameter("TZID")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("Europe/Amsterdam");
        assertThat(value(event, "DTEND")).isEqualTo("20261215T170000");
        assertThat(value(event, "RRULE")).isEqualTo("FREQ=WEEKLY;BYDAY=TU");
        assertThat(value(event, "UID")).isEqualTo("cafe-meeting-7@leerlog.example.nl");
        assertThat(value(event, "SEQUENCE")).isEqualTo("2");
        assertThat(value(event, "URL")).isEqualTo("https://meet.example.nl/cafe-noord");
        assertThat(value(event, "SUMMARY")).isEqualTo("Weekly meeting of Café Noord");
        Component zone = calendar.getComponent(Component.VTIMEZONE).orElseThrow();
        assertThat(value(zone, "TZID")).isEqualTo("Europe/Amsterdam");

        // RFC 5545 §3.1: lines end in CRLF and are folded at 75 octets.
        assertThat(ics).contains("\r\n").doesNotContainPattern("[^\r]\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }

    private static String value(Component component, String name) {
        return component.getProperty(name).orElseThrow().getValue();
    }
}
