package nl.leerlog.tool.guidance.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import nl.leerlog.tool.identity.MailContacts;

/**
 * The iCalendar file of a conversation (RFC 5545), written by iCal4j: the same UID for the conversation's whole life
 * and its SEQUENCE raised at every change (§3.8.4.7, §3.8.7.4), so a calendar updates the event instead of adding a
 * second one; a cancellation is METHOD:CANCEL with STATUS:CANCELLED (RFC 5546 §3.2.5). Times carry TZID
 * Europe/Amsterdam and the VTIMEZONE that defines it (§3.6.5).
 */
final class ConversationInvitation {

    private ConversationInvitation() {}

    static String of(Conversation conversation, String summary, String description, Instant now) {
        boolean cancelled = conversation.state() == ConversationState.CANCELLED;
        // A downloaded agreement is a plain calendar object that every calendar imports; only the cancellation
        // needs an iTIP method, so that the calendar removes the event it already holds.
        return folded(calendar(conversation, summary, description, now, cancelled, null, null));
    }

    /**
     * The invitation a mail carries (iMIP, RFC 6047): always with its iTIP method, REQUEST for an agreed conversation
     * (also after a move) and CANCEL for a cancelled one, with the teacher as ORGANIZER and the student as ATTENDEE
     * where their addresses are known (RFC 5546 §3.2.2, §3.2.5).
     */
    static String forMail(
            Conversation conversation,
            String summary,
            String description,
            Instant now,
            Optional<MailContacts.Contact> organizer,
            Optional<MailContacts.Contact> attendee) {
        return folded(
                calendar(conversation, summary, description, now, true, organizer.orElse(null), attendee.orElse(null)));
    }

    private static Calendar calendar(
            Conversation conversation,
            String summary,
            String description,
            Instant now,
            boolean withMethod,
            MailContacts.Contact organizer,
            MailContacts.Contact attendee) {
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
        if (organizer != null) {
            Organizer property = new Organizer(mailto(organizer));
            if (organizer.name() != null) {
                property.add(new Cn(organizer.name()));
            }
            event.add(property);
        }
        if (attendee != null) {
            Attendee property = new Attendee(mailto(attendee));
            if (attendee.name() != null) {
                property.add(new Cn(attendee.name()));
            }
            // Both agreed to the moment in Leerlog: nothing left for the calendar to ask.
            property.add(cancelled ? PartStat.DECLINED : PartStat.ACCEPTED);
            event.add(property);
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Leerlog//Guidance//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        if (withMethod) {
            calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        }
        calendar.add(zone);
        calendar.add(event);
        return calendar;
    }

    /**
     * The calendar's text with every line longer than 75 octets folded (RFC 5545 §3.1): CRLF and a space before the
     * octet that would be the 76th, never inside a UTF-8 sequence. iCal4j's own text leaves long lines whole (a
     * VTIMEZONE's RRULE, a long summary).
     */
    static String folded(Calendar calendar) {
        String text = calendar.toString();
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (String line : text.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            int limit = 75;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > limit) {
                    out.append("\r\n ");
                    // The space that starts a continuation line counts towards its 75 octets.
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static URI mailto(MailContacts.Contact contact) {
        return URI.create("mailto:" + contact.email().strip());
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
