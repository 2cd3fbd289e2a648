package nl.leerlog.tool.cafe.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import nl.leerlog.tool.cafe.internal.CafeChannels.Channel;
import nl.leerlog.tool.cafe.internal.CafeGroups.Group;
import nl.leerlog.tool.demo.SampleCourseRequested;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo course's café: the interns in one group coached by the first intern's internship teacher, a few days of
 * talk in the group channel and one private word with the coach, and the group's weekly meeting, so a newcomer sees
 * a room in use.
 */
@Component
record SampleCafe(CafeGroups groups, CafeChannels channels, CafeMessages messages, CafeMeetings meetings) {

    private static final List<String> GROUP_TALK = List.of(
            "Hoi allemaal! Ik sta deze weken in groep 5 van De Regenboog. Hoe gaat het bij jullie?",
            "Goed! Ik mocht vandaag voor het eerst een hele ochtend lesgeven. Spannend, maar het ging prima.",
            "Weet iemand een goede manier om een onrustige groep na de pauze weer stil te krijgen?",
            "Bij ons werkt een vast liedje heel goed. Na twee keer zingen zit iedereen weer.",
            "Dank je, dat ga ik morgen proberen!");

    @EventListener
    @Order(SampleCourseRequested.CAFE)
    void write(SampleCourseRequested course) {
        if (course.interns().isEmpty()) {
            return;
        }
        SampleCourseRequested.Intern first = course.interns().getFirst();
        Instant start = course.now().minus(Duration.ofDays(4));
        Group group = groups.create(course.courseId(), "Stagecafé Noord", first.teacherId(), start);
        groups.join(
                group,
                course.interns().stream()
                        .map(SampleCourseRequested.Intern::userId)
                        .toList(),
                start);
        Channel room = new Channel(group.channelId(), group, ChannelKind.GROUP, null, 0);
        for (int i = 0; i < GROUP_TALK.size(); i++) {
            SampleCourseRequested.Intern writer =
                    course.interns().get(i % course.interns().size());
            messages.post(room, writer.userId(), GROUP_TALK.get(i), start.plus(Duration.ofHours(9L * i + 2)));
        }
        meetings.set(
                group,
                DayOfWeek.TUESDAY,
                LocalTime.of(16, 0),
                45,
                "https://meet.jit.si/stagecafe-noord-leerlog-demo",
                first.teacherId(),
                start);
        long alone = channels.privateChannel(group, first.userId(), first.teacherId());
        Channel coach = new Channel(alone, group, ChannelKind.PRIVATE, first.teacherId(), 0);
        messages.post(
                coach,
                first.userId(),
                "Mag ik u iets vragen over mijn stageplek? Liever niet in de groep.",
                start.plus(Duration.ofDays(2)));
        messages.post(
                coach,
                first.teacherId(),
                "Natuurlijk. Schrijf het hier maar, alleen wij tweeën lezen dit.",
                start.plus(Duration.ofDays(2).plusHours(3)));
    }
}
