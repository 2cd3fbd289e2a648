package nl.leerlog.tool.guidance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The guidance questions that wait for their teacher longer than the teacher said they take to answer (their
 * availability's working days, else the default): for reminders. Carries ids and moments only, never a title or
 * what the student wrote; a reader that shows a title asks {@link ThreadTitles}, which applies who may read it.
 */
public interface WaitingQuestions {

    /**
     * A question past its teacher's response time.
     *
     * @param waitingSince since when it waits: the student's first line after the teacher's last, or the question
     * @param dueOn the last day (Amsterdam) on which an answer was in time
     */
    record Overdue(
            long questionId, long courseId, long studentId, long teacherId, Instant waitingSince, LocalDate dueOn) {}

    /** Every question of every course overdue at {@code now}, oldest wait first. */
    List<Overdue> overdue(Instant now);
}
