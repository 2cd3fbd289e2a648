package nl.leerlog.tool.guidance.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The download of a conversation's invitation, the same for the student and the teacher. */
final class Invitations {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private Invitations() {}

    static ResponseEntity<String> download(
            Conversation conversation, Thread thread, MessageSource messages, Locale locale, Clock clock) {
        String summary = messages.getMessage(
                "conversation.ics.summary", new Object[] {thread.summary().title()}, locale);
        String description = messages.getMessage(conversation.answerForm().key(), null, locale);
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("leerlog-conversation-" + conversation.id() + ".ics")
                                .build()
                                .toString())
                // Private: the invitation names the student's question.
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(ConversationInvitation.of(conversation, summary, description, clock.instant()));
    }
}
