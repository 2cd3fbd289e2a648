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

    /** An item as sent; a withdrawn one keeps only its kind and the moment it was withdrawn. */
    record SharedItem(
            long id,
            String kind,
            String title,
            LocalDate date,
            List<ItemSnapshot.Part> parts,
            OffsetDateTime withdrawnAt) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    /** A message by the student or the teacher, or a line the tool wrote for something the student did. */
    record Message(MessageKind kind, boolean byStudent, String body, OffsetDateTime createdAt) {}

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
        CONVERSATION_CANCELLED;

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
