package nl.leerlog.tool.cafe.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar file of a group's weekly meeting (RFC 5545), written by iCal4j: one event from the next meeting on,
 * repeated every week (RRULE, §3.8.5.3), with the same UID for the group's meeting whatever changes and its SEQUENCE
 * raised at every change (§3.8.4.7, §3.8.7.4), so a calendar that imported it updates the series. Times carry TZID
 * Europe/Amsterdam and the VTIMEZONE that defines it (§3.6.5).
 */
final class MeetingInvitation {

    private MeetingInvitation() {}

    static String of(CafeMeetings.Meeting meeting, String host, String summary, String description, Instant now) {
        CafeMeetings.Next next = meeting.next(now);
        VEvent event = new VEvent(next.startsAt(), next.endsAt(), summary);
        event.replace(new DtStamp(now));
        event.add(new Uid("cafe-meeting-" + meeting.groupId() + "@" + host));
        event.add(new Sequence(meeting.sequence()));
        event.add(new RRule<>(new Recur<>("FREQ=WEEKLY;BYDAY=" + byDay(meeting.weekday()))));
        event.add(new Description(description));
        event.add(new Location(meeting.link()));
        event.add(new Url(URI.create(meeting.link())));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Leerlog//Cafe//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(amsterdam());
        calendar.add(event);
        // The outputter folds lines longer than 75 octets and ends every line in CRLF (§3.1); toString() does not fold.
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** RFC 5545 §3.3.10's two-letter weekday: MO, TU, … */
    static String byDay(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    /**
     * The VTIMEZONE for the TZID the event's times carry. The tz database links Europe/Amsterdam to Europe/Brussels,
     * and iCal4j hands out the Brussels definition; renamed, so that DTSTART's TZID finds its definition in the file
     * as RFC 5545 §3.2.19 requires.
     */
    private static VTimeZone amsterdam() {
        VTimeZone zone = TimeZoneRegistryFactory.getInstance()
                .createRegistry()
                .getTimeZone(CafeMeetings.ZONE.getId())
                .getVTimeZone()
                .copy();
        zone.removeAll(Property.TZID, Property.TZURL, "X-LIC-LOCATION");
        zone.add(new TzId(CafeMeetings.ZONE.getId()));
        return zone;
    }
}
