package nl.leerlog.tool.notifications.internal;

import nl.leerlog.tool.guidance.GuidanceEvent;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears what of a guidance thread. Runs in the transaction that changed the thread, so the mails go with the
 * change or not at all. A teacher hears only of a student who is their intern now: the same rule that lets them
 * read the thread ({@code identity.TeacherView}).
 */
@Component
record GuidanceNotifications(Notifier notifier, InternshipTeachers links) {

    @EventListener
    void on(GuidanceEvent event) {
        switch (event) {
            case GuidanceEvent.QuestionSent sent -> toTeacher(event, NotificationKind.QUESTION_SENT);
            case GuidanceEvent.ReplyWritten reply -> {
                if (reply.byStudent()) {
                    toTeacher(event, NotificationKind.STUDENT_REPLIED);
                } else {
                    toStudent(event, NotificationKind.TEACHER_REPLIED);
                }
            }
            case GuidanceEvent.ConversationChanged changed -> conversation(changed);
            case GuidanceEvent.ItemWithdrawn withdrawn ->
                toTeacher(
                        event,
                        withdrawn.wholeQuestion()
                                ? NotificationKind.QUESTION_WITHDRAWN
                                : NotificationKind.ITEM_WITHDRAWN);
        }
    }

    private void conversation(GuidanceEvent.ConversationChanged changed) {
        switch (changed.change()) {
            case PROPOSED -> toStudent(changed, NotificationKind.CONVERSATION_PROPOSED);
            case DECLINED -> toTeacher(changed, NotificationKind.CONVERSATION_DECLINED);
            case AGREED -> both(changed, NotificationKind.CONVERSATION_AGREED);
            case MOVED -> both(changed, NotificationKind.CONVERSATION_MOVED);
            case CANCELLED -> both(changed, NotificationKind.CONVERSATION_CANCELLED);
        }
    }

    /** A change both see: each hears of it, the one who made it too (their calendar needs it as much). */
    private void both(GuidanceEvent.ConversationChanged changed, NotificationKind kind) {
        toStudent(changed, kind);
        toTeacher(changed, kind);
    }

    private void toTeacher(GuidanceEvent event, NotificationKind kind) {
        if (!links.isInternshipTeacherOf(event.courseId(), event.teacherId(), event.studentId())) {
            return;
        }
        notifier.notify(new Notice(
                kind,
                event.teacherId(),
                event.courseId(),
                event.occurrence(),
                event.studentId(),
                event.studentId(),
                event.questionId(),
                "/teacher/guidance/" + event.questionId(),
                startsAt(event),
                event instanceof GuidanceEvent.ConversationChanged changed ? changed : null));
    }

    private void toStudent(GuidanceEvent event, NotificationKind kind) {
        notifier.notify(new Notice(
                kind,
                event.studentId(),
                event.courseId(),
                event.occurrence(),
                event.teacherId(),
                event.studentId(),
                event.questionId(),
                "/student/guidance/" + event.questionId(),
                startsAt(event),
                event instanceof GuidanceEvent.ConversationChanged changed ? changed : null));
    }

    private static java.time.ZonedDateTime startsAt(GuidanceEvent event) {
        return event instanceof GuidanceEvent.ConversationChanged changed ? changed.startsAt() : null;
    }
}
