package nl.leerlog.tool.notifications.internal;

import nl.leerlog.tool.identity.CurrentUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count beside the menu of every page of a launched student or teacher. */
@ControllerAdvice
class UnreadCount {

    private final Inbox inbox;

    UnreadCount(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadNotifications")
    Integer unread() {
        return CurrentUser.from(SecurityContextHolder.getContext().getAuthentication())
                .filter(user -> user.role() == nl.leerlog.tool.identity.CourseRole.STUDENT || user.isTeacher())
                .map(user -> inbox.unread(user.userId(), user.courseId()))
                .orElse(null);
    }
}
