package nl.leerlog.tool.guidance;

import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * Something happened in a guidance thread that its other party may want to hear about. Published inside the
 * transaction that made the change, after the change, so a listener that writes in the same transaction (the
 * notification outbox) keeps or loses its rows with it. Carries no text a student wrote, only who, which thread and
 * what kind of change: a listener that needs more asks the thread's reader, who may no longer see it.
 *
 * <p>{@link #occurrence()} is unique per change (a thread line's id, or the question's own for the question), so a
 * listener can recognise the same change twice.
 */
public sealed interface GuidanceEvent {

    long questionId();

    long courseId();

    long studentId();

    long teacherId();

    /** What makes this change one of its own: {@code question-<id>} or {@code line-<id>} of the thread. */
    String occurrence();

    Instant at();

    /** The student sent a new question to their internship teacher. */
    record QuestionSent(long questionId, long courseId, long studentId, long teacherId, String title, Instant at)
            implements GuidanceEvent {
        @Override
        public String occurrence() {
            return "question-" + questionId;
        }
    }

    /** A new message in the thread; {@code byStudent} says who wrote it (the other one hears of it). */
    record ReplyWritten(
            long questionId, long courseId, long studentId, long teacherId, long lineId, boolean byStudent, Instant at)
            implements GuidanceEvent {
        @Override
        public String occurrence() {
            return "line-" + lineId;
        }
    }

    /** What happened to a conversation about the question. */
    enum ConversationChange {
        PROPOSED,
        AGREED,
        DECLINED,
        MOVED,
        CANCELLED
    }

    /**
     * A conversation was proposed, agreed, declined, moved or cancelled; {@code byStudent} says who did it.
     * {@code startsAt} is the moment as it stands after the change; {@code conversationId} names the conversation
     * for its calendar invitation ({@link ConversationCalendars}).
     */
    record ConversationChanged(
            long questionId,
            long courseId,
            long studentId,
            long teacherId,
            long lineId,
            long conversationId,
            ConversationChange change,
            boolean byStudent,
            ZonedDateTime startsAt,
            Instant at)
            implements GuidanceEvent {
        @Override
        public String occurrence() {
            return "line-" + lineId;
        }
    }

    /** The student took an item, or the whole question, back: the teacher hears that, never what it held. */
    record ItemWithdrawn(
            long questionId,
            long courseId,
            long studentId,
            long teacherId,
            long lineId,
            boolean wholeQuestion,
            Instant at)
            implements GuidanceEvent {
        @Override
        public String occurrence() {
            return "line-" + lineId;
        }
    }
}
