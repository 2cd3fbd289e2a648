package nl.leerlog.tool.supervisor.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.leerlog.tool.demo.SampleCourseRequested;
import nl.leerlog.tool.guidance.ShareableItem;
import nl.leerlog.tool.guidance.ShareableRecords;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.internship.Internships;
import nl.leerlog.tool.privacy.ReadAudit;
import nl.leerlog.tool.supervisor.SupervisorAnswered;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo course's first intern shared two moments with their workplace supervisor a few days ago and asked for
 * feedback; the supervisor read them and answered, so the sharing page, "who looked" and the log each show a link.
 * The link's token is thrown away: the sample shows the student's side, nobody opens it.
 */
@Component
record SampleSupervisorLinks(
        SupervisorLinks links,
        List<ShareableRecords> shareable,
        Internships internships,
        ReadAudit audit,
        ApplicationEventPublisher events) {

    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/Amsterdam");

    @EventListener
    @Order(SampleCourseRequested.GUIDANCE)
    void write(SampleCourseRequested course) {
        for (SampleCourseRequested.Intern intern : course.interns()) {
            if (intern.number() != 0) {
                continue;
            }
            String supervisor = internships
                    .find(course.courseId(), intern.userId())
                    .map(Internship::supervisorName)
                    .filter(name -> name != null && !name.isBlank())
                    .orElse(null);
            if (supervisor != null) {
                share(course, intern, supervisor);
            }
        }
    }

    private void share(SampleCourseRequested course, SampleCourseRequested.Intern intern, String supervisor) {
        Owner owner = Owner.of(intern.user(course.courseId()));
        List<SupervisorLinks.Item> items = new ArrayList<>();
        for (ShareableRecords records : shareable) {
            if (!"moment".equals(records.kind())) {
                continue;
            }
            for (ShareableItem item : records.shareable(owner)) {
                if (items.size() == 2) {
                    break;
                }
                records.snapshot(owner, item.id(), intern.locale())
                        .ifPresent(
                                snapshot -> items.add(new SupervisorLinks.Item(records.kind(), item.id(), snapshot)));
            }
        }
        if (items.isEmpty()) {
            return;
        }
        boolean english = "en".equals(intern.locale().getLanguage());
        String question = english
                ? "Could you tell me what went well in these two moments, and what I could do better next time?"
                : "Wil je me vertellen wat er goed ging bij deze twee momenten, en wat ik de volgende keer beter kan doen?";
        Instant made = course.now().minus(Duration.ofDays(3));
        long id = links.create(
                owner,
                LinkTokens.hash(LinkTokens.newToken()).orElseThrow(),
                new SupervisorLinks.NewLink(
                        supervisor, null, question, made.plus(Duration.ofDays(14)), intern.locale()),
                items,
                made);
        Instant read = made.plus(Duration.ofHours(20));
        audit.record(
                course.courseId(),
                intern.userId(),
                new ReadAudit.Reader(ReadAudit.ReaderKind.SUPERVISOR, null, supervisor),
                items.stream()
                        .map(item -> new ReadAudit.ReadItem(
                                item.kind(),
                                String.valueOf(item.recordId()),
                                item.snapshot().title()))
                        .toList(),
                read);
        Instant answered = read.plus(Duration.ofMinutes(12));
        if (links.answer(id, supervisor, answered)) {
            events.publishEvent(new SupervisorAnswered(
                    id,
                    course.courseId(),
                    intern.userId(),
                    supervisor,
                    question,
                    english
                            ? "You prepare well and the children notice it: they listen to you. Next time, give the"
                                    + " quiet ones a task of their own at the start, so that they join in sooner."
                            : "Je bereidt je goed voor en dat merken de kinderen: ze luisteren naar je. Geef de"
                                    + " stille kinderen de volgende keer aan het begin een eigen taak, dan doen ze"
                                    + " eerder mee.",
                    LocalDate.ofInstant(answered, SCHOOL_TIME),
                    answered,
                    intern.locale()));
        }
    }
}
