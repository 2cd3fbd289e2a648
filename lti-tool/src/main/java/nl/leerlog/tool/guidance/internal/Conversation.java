package nl.leerlog.tool.guidance.internal;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A conversation about a question as both sides see it. Times are Amsterdam's: the schools, their students and
 * their workplaces are in the Netherlands, and the invitation carries that zone.
 */
record Conversation(
        long id,
        ZonedDateTime startsAt,
        int minutes,
        AnswerForm answerForm,
        String place,
        ConversationState state,
        String uid,
        int sequence) {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    public ZonedDateTime endsAt() {
        return startsAt.plusMinutes(minutes);
    }

    public boolean proposed() {
        return state == ConversationState.PROPOSED;
    }

    public boolean agreed() {
        return state == ConversationState.AGREED;
    }

    /** Whether there is an invitation to download: for an agreed conversation, or the cancellation of one. */
    public boolean invitation() {
        return state == ConversationState.AGREED || state == ConversationState.CANCELLED;
    }

    /** The place as a link when it is a web address (a video call), else {@code null} and it is shown as text. */
    public String link() {
        try {
            URI uri = new URI(place.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                            && uri.getHost() != null
                    ? uri.toString()
                    : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
