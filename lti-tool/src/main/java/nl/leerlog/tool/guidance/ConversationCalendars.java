package nl.leerlog.tool.guidance;

import java.util.Locale;
import java.util.Optional;

/**
 * The calendar invitation a mail about a conversation carries (iMIP, RFC 6047): the conversation as it stands after
 * the change, for one of its two parties, only while they may see it. An agreed conversation is a
 * {@code METHOD:REQUEST} (RFC 5546 §3.2.2), also after a move, with the same UID and a higher SEQUENCE, so the
 * calendar updates the event it holds; a cancelled one is a {@code METHOD:CANCEL} (§3.2.5). A proposal, not yet
 * agreed, has none.
 */
public interface ConversationCalendars {

    /** The file of an invitation: its iTIP method and its text (RFC 5545: CRLF lines, folded at 75 octets). */
    record Invitation(String method, String content) {

        public String fileName() {
            return "CANCEL".equals(method) ? "cancel.ics" : "invite.ics";
        }
    }

    /** The invitation for the change's student ({@code toTeacher} false) or teacher, in their language. */
    Optional<Invitation> forMail(GuidanceEvent.ConversationChanged change, boolean toTeacher, Locale locale);
}
