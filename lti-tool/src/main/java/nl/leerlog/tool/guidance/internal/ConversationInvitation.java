package nl.leerlog.tool.guidance.internal;

import java.net.URI;
import java.time.Instant;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar file of a conversation (RFC 5545), written by iCal4j: the same UID for the conversation's whole life
 * and its SEQUENCE raised at every change (§3.8.4.7, §3.8.7.4), so a calendar updates the event instead of adding a
 * second one; a cancellation is METHOD:CANCEL with STATUS:CANCELLED (RFC 5546 §3.2.5). Times carry TZID
 * Europe/Amsterdam and the VTIMEZONE that defines it (§3.6.5).
 */
final class ConversationInvitation {

    private ConversationInvitation() {}

    static String of(Conversation conversation, String summary, String description, Instant now) {
        VTimeZone zone = amsterdam();
        VEvent event = new VEvent(conversation.startsAt(), conversation.endsAt(), summary);
        event.replace(new DtStamp(now));
        event.add(new Uid(conversation.uid()));
        event.add(new Sequence(conversation.sequence()));
        event.add(new Description(description));
        event.add(new Location(conversation.place()));
        if (conversation.link() != null) {
            event.add(new Url(URI.create(conversation.link())));
        }
        boolean cancelled = conversation.state() == ConversationState.CANCELLED;
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Leerlog//Guidance//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        if (cancelled) {
            // A downloaded agreement is a plain calendar object that every calendar imports; only the cancellation
            // needs an iTIP method, so that the calendar removes the event it already holds.
            calendar.add(ImmutableMethod.CANCEL);
        }
        calendar.add(zone);
        calendar.add(event);
        return calendar.toString();
    }

    /**
     * The VTIMEZONE for the TZID the event's times carry. The tz database links Europe/Amsterdam to Europe/Brussels
     * (identical rules since 1970), and iCal4j hands out the Brussels definition; renamed, so that DTSTART's TZID
     * finds its definition in the file as RFC 5545 §3.2.19 requires.
     */
    private static VTimeZone amsterdam() {
        VTimeZone zone = TimeZoneRegistryFactory.getInstance()
                .createRegistry()
                .getTimeZone(Conversation.ZONE.getId())
                .getVTimeZone()
                .copy();
        zone.removeAll(Property.TZID, Property.TZURL, "X-LIC-LOCATION");
        zone.add(new TzId(Conversation.ZONE.getId()));
        return zone;
    }
}
