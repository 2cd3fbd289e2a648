package nl.leerlog.tool.cafe.internal;

import java.util.ArrayList;
import java.util.List;
import nl.leerlog.tool.cafe.CafeActivity;
import nl.leerlog.tool.cafe.internal.CafeGroups.Group;
import org.springframework.stereotype.Component;

/**
 * The unread counts of the channels a person reads, by the café's one rule: the current members of a group and its
 * coach read the group channel, and each their own private channels.
 */
@Component
record CafeUnreadCounts(CafeGroups groups, CafeChannels channels) implements CafeActivity {

    @Override
    public List<Unread> unread(long courseId, long userId) {
        List<Unread> unread = new ArrayList<>();
        groups.groupOf(courseId, userId).ifPresent(group -> add(unread, group, userId, "/student/cafe"));
        for (Group group : groups.coachedBy(courseId, userId)) {
            add(unread, group, userId, "/teacher/cafe");
        }
        return unread;
    }

    private void add(List<Unread> unread, Group group, long userId, String path) {
        int messages = channels.of(userId, group).stream()
                .mapToInt(CafeChannels.Listed::unread)
                .sum();
        if (messages > 0) {
            unread.add(new Unread(group.name(), messages, path));
        }
    }
}
