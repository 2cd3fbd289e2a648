package nl.leerlog.tool.guidance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.leerlog.tool.guidance.ItemSnapshot;

/** A guidance question with what the reader may see of it: the shared items and the messages. */
record Thread(
        Summary summary,
        String question,
        AnswerForm answerForm,
        String preferredMoments,
        List<SharedItem> items,
        List<Message> messages,
        List<Conversation> conversations) {

    /** The conversation proposed or agreed now, if any: at most one at a time. */
    public Conversation activeConversation() {
        return conversations.stream()
                .filter(c -> c.proposed() || c.agreed())
                .findFirst()
                .orElse(null);
    }

    /**
     * The agreed conversation that has begun by {@code now}, if any: after it the student may write a report. A
     * conversation that was cancelled or never agreed was not held.
     */
    public Conversation heldConversation(java.time.Instant now) {
        return conversations.stream()
                .filter(c -> c.agreed() && !c.startsAt().toInstant().isAfter(now))
                .findFirst()
                .orElse(null);
    }

    /** A question in a list: its student, its teacher, title, state and last change. */
    record Summary(
            long id,
            long studentId,
            long teacherId,
            String title,
            QuestionState state,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        /** The moment of the last change, to the microsecond the database keeps: an open page's "seen up to". */
        public long version() {
            return version(updatedAt);
        }

        static long version(OffsetDateTime changedAt) {
            return ChronoUnit.MICROS.between(Instant.EPOCH, changedAt.toInstant());
        }
    }

    /**
     * An item as sent, in its latest version and when that was sent; a withdrawn one keeps only its kind and the
     * moment it was withdrawn.
     */
    record SharedItem(
            long id,
            String kind,
            String title,
            LocalDate date,
            List<ItemSnapshot.Part> parts,
            List<SharedFile> files,
            int version,
            OffsetDateTime sharedAt,
            OffsetDateTime withdrawnAt) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }

        public boolean renewed() {
            return version > 1;
        }
    }

    /** A copied evidence file of an item, as the thread lists it; its content is read only when downloaded. */
    record SharedFile(long id, String name, String contentType, long sizeBytes) {}

    /** The record an item is a copy of: its kind and id in the student's own log. */
    record Source(String kind, long recordId) {}

    /** A message by the student or the teacher, or a line the tool wrote for something the student did. */
    record Message(long id, MessageKind kind, boolean byStudent, String body, OffsetDateTime createdAt) {}

    enum MessageKind {
        MESSAGE,
        /** One item was withdrawn. */
        WITHDRAWN,
        /** The whole question was withdrawn, its items with it. */
        QUESTION_WITHDRAWN,
        CONVERSATION_PROPOSED,
        CONVERSATION_AGREED,
        /** The student asked for another moment; the body says which suits them. */
        CONVERSATION_DECLINED,
        CONVERSATION_CANCELLED,
        /** The conversation was moved; the body tells the new moment. */
        CONVERSATION_MOVED,
        /** The student wrote what was agreed in a conversation: the body is the report. */
        CONVERSATION_REPORT,
        /** The student sent a new version of an item; the body is its title. */
        NEW_VERSION;

        /** The message key of a line the tool writes, {@code null} for a message. */
        public String key() {
            return switch (this) {
                case MESSAGE -> null;
                case WITHDRAWN -> "guidance.item.withdrawn";
                case QUESTION_WITHDRAWN -> "guidance.question.withdrawn";
                default -> "guidance.line." + name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }
}
