package nl.leerlog.tool.guidance.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import nl.leerlog.tool.guidance.ItemSnapshot;
import nl.leerlog.tool.web.Downloads;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The files a thread offers, the same for the student and the teacher: invitations and copied evidence. */
final class GuidanceDownloads {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private GuidanceDownloads() {}

    /** A conversation's invitation; private, as it names the student's question. */
    static ResponseEntity<String> invitation(
            Conversation conversation, Thread thread, MessageSource messages, Locale locale, Clock clock) {
        String summary = messages.getMessage(
                "conversation.ics.summary", new Object[] {thread.summary().title()}, locale);
        String description = messages.getMessage(conversation.answerForm().key(), null, locale);
        return Downloads.attachment(
                "leerlog-conversation-" + conversation.id() + ".ics",
                CALENDAR,
                ConversationInvitation.of(conversation, summary, description, clock.instant()));
    }

    /** An evidence file as the student sent it, with the type found in its content at upload. */
    static ResponseEntity<byte[]> file(ItemSnapshot.File file) {
        return Downloads.attachment(file.name(), MediaType.parseMediaType(file.contentType()), file.content());
    }
}
