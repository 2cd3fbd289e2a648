package nl.leerlog.tool.cafe;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A coach set or changed their group's weekly online meeting; published in the transaction that saved it, so those
 * who hear of it (the members' notifications) go with the change or not at all.
 *
 * @param occurrence what makes this change one of its own: the group and the meeting's sequence
 * @param memberIds the group's current members, who are told; never the coach who made the change
 * @param path the group channel's page, which shows the next meeting
 * @param nextAt the first meeting to come
 */
public record CafeMeetingScheduled(
        long courseId,
        long groupId,
        long coachId,
        List<Long> memberIds,
        String occurrence,
        String path,
        ZonedDateTime nextAt) {

    public CafeMeetingScheduled {
        memberIds = List.copyOf(memberIds);
    }
}
