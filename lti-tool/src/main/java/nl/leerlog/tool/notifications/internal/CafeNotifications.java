package nl.leerlog.tool.notifications.internal;

import nl.leerlog.tool.cafe.CafeMeetingScheduled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who hears of the café: every current member of a group when its coach sets or changes the weekly meeting. Runs
 * in the transaction that saved the meeting, so the notices go with the change or not at all.
 */
@Component
record CafeNotifications(Notifier notifier) {

    @EventListener
    void on(CafeMeetingScheduled scheduled) {
        for (long member : scheduled.memberIds()) {
            notifier.notify(new Notice(
                    NotificationKind.CAFE_MEETING,
                    member,
                    scheduled.courseId(),
                    scheduled.occurrence(),
                    scheduled.coachId(),
                    member,
                    null,
                    scheduled.path(),
                    scheduled.nextAt(),
                    null));
        }
    }
}
