package nl.leerlog.tool.replyhelp;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Help beside the teacher's reply box: the reply templates a teacher may use, filled for one thread, and the
 * reading of the student's message sentence by sentence. The caller passes plain values it has read through its own
 * rules (who may see which thread); this module keeps only templates, their uses and the teacher's marks.
 */
public interface ReplyHelp {

    /**
     * A template the teacher may use: their own, a colleague's course-wide one, or one that ships with Leerlog.
     *
     * @param ref the id of a stored template, or {@code builtin-<name>-<language>}
     * @param colleagueUses how often teachers other than its author sent a reply from it
     */
    record Template(
            String ref,
            String title,
            String body,
            String language,
            boolean own,
            boolean shared,
            Long authorId,
            boolean builtIn,
            int colleagueUses) {}

    /** The values of one thread that fill a template's placeholders; {@code null} where there is none. */
    record ThreadValues(String studentName, String teacherName, String questionTitle, ZonedDateTime nextMeeting) {}

    /**
     * One sentence of the student's message with its act: the teacher's mark where they set one, else the
     * suggestion, and the words that made the suggestion ({@code null}: none, so it states).
     */
    record ReadSentence(int index, String text, SpeechAct act, SpeechAct suggested, String because) {

        public boolean changed() {
            return act != suggested;
        }
    }

    /** The teacher's own templates, then colleagues' course-wide ones, then the built-ins in {@code language}. */
    List<Template> templatesFor(long courseId, long teacherId, String language);

    /** One template the teacher may use, by its ref; empty for another course's or a colleague's private one. */
    Optional<Template> template(long courseId, long teacherId, String ref);

    /** The template's text with its placeholders filled for the thread, in the template's language. */
    String fill(Template template, ThreadValues values);

    /** Notes that the teacher sent a reply from the template: a stored one they may use, else nothing. */
    void recordUse(long courseId, long teacherId, String ref, Instant at);

    /** The sentences of a message of a question, each with its act. {@code messageId} 0: the question itself. */
    List<ReadSentence> reading(long questionId, long messageId, String message);

    /**
     * The teacher's mark of one sentence; the suggested act again removes the mark. False when the message has no
     * such sentence. The caller checks the teacher may read the question.
     */
    boolean mark(long questionId, long messageId, String message, int index, SpeechAct act, long teacherId, Instant at);
}
