package nl.leerlog.tool.learninglog.internal;

import java.util.List;
import java.util.Set;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.supervisor.SupervisorAnswered;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A workplace supervisor's answer on a student's link lands in the student's log as a final learning moment from the
 * supervisor: the student's question quoted, then the answer, the supervisor among the people involved. Heard in the
 * transaction of the answer, so the link is answered and the moment written together or not at all.
 */
@Component
record SupervisorAnswers(LearningMoments moments, MarkdownText markdown, MessageSource messages) {

    @EventListener
    void on(SupervisorAnswered answered) {
        // The link was made by this student in this course; the answer is theirs as any record they write.
        Owner owner = Owner.of(new CurrentUser(
                answered.studentId(), null, CourseRole.STUDENT, false, answered.courseId(), null, answered.locale()));
        String title = messages.getMessage(
                "log.from-supervisor.title", new Object[] {answered.supervisorName()}, answered.locale());
        StringBuilder body = new StringBuilder();
        if (answered.request() != null) {
            body.append("**")
                    .append(messages.getMessage("log.from-supervisor.question", null, answered.locale()))
                    .append("**\n\n");
            answered.request()
                    .lines()
                    .forEach(line -> body.append("> ").append(line).append('\n'));
            body.append('\n');
        }
        body.append(answered.answer());
        moments.createFromSupervisor(
                owner,
                new MomentContent(
                        answered.answeredOn(),
                        null,
                        title.length() <= 200 ? title : title.substring(0, 200),
                        markdown.render(body.toString()),
                        null,
                        Set.of(),
                        Set.of(),
                        List.of(new Person(
                                answered.supervisorName(),
                                messages.getMessage("log.from-supervisor.role", null, answered.locale()))),
                        false),
                answered.supervisorName(),
                answered.answeredAt());
    }
}
