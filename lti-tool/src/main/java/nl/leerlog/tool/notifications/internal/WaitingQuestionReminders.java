package nl.leerlog.tool.notifications.internal;

import java.time.Clock;
import nl.leerlog.tool.guidance.WaitingQuestions;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.system.HousekeepingTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds a teacher of each question that waits longer than they said they take to answer: once per wait (a new
 * line of the student after the teacher answered starts a new one), at the frequency they chose for reminders. Only
 * while the student is still their intern: the rule that lets them read the thread.
 */
@Component
@HousekeepingTask.Schedule(name = "question-reminders", every = "${leerlog.mail.reminder-check:PT1H}")
class WaitingQuestionReminders implements HousekeepingTask {

    private final WaitingQuestions questions;
    private final InternshipTeachers links;
    private final Notifier notifier;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WaitingQuestionReminders(
            WaitingQuestions questions,
            InternshipTeachers links,
            Notifier notifier,
            TransactionTemplate transaction,
            Clock clock) {
        this.questions = questions;
        this.links = links;
        this.notifier = notifier;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public int run() {
        int reminded = 0;
        for (WaitingQuestions.Overdue question : questions.overdue(clock.instant())) {
            if (!links.isInternshipTeacherOf(question.courseId(), question.teacherId(), question.studentId())) {
                continue;
            }
            Boolean recorded = transaction.execute(status -> notifier.notify(new Notice(
                    NotificationKind.QUESTION_WAITING,
                    question.teacherId(),
                    question.courseId(),
                    "waiting-" + question.questionId() + "-"
                            + question.waitingSince().getEpochSecond(),
                    question.studentId(),
                    question.studentId(),
                    question.questionId(),
                    "/teacher/guidance/" + question.questionId(),
                    null,
                    null)));
            reminded += Boolean.TRUE.equals(recorded) ? 1 : 0;
        }
        return reminded;
    }
}
