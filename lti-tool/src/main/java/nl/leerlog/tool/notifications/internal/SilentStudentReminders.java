package nl.leerlog.tool.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.internship.InternshipSummary;
import nl.leerlog.tool.internship.InternshipWeek;
import nl.leerlog.tool.internship.Internships;
import nl.leerlog.tool.learninglog.LastMoments;
import nl.leerlog.tool.system.HousekeepingTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A friendly reminder to a student who has not written in their learning log for the course's number of weeks,
 * naming their internship teacher: only in a course that turned it on, only to a student with an internship teacher,
 * and not before the internship starts or after it ended (where its dates are known). Silent since their latest
 * moment, or, without one, since the course turned the reminder on; one reminder per silence, at the frequency the
 * student chose for reminders.
 */
@Component
@HousekeepingTask.Schedule(name = "silent-reminders", every = "${leerlog.mail.reminder-check:PT1H}")
class SilentStudentReminders implements HousekeepingTask {

    private final ReminderSettings settings;
    private final InternshipTeachers links;
    private final LastMoments lastMoments;
    private final Internships internships;
    private final Notifier notifier;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SilentStudentReminders(
            ReminderSettings settings,
            InternshipTeachers links,
            LastMoments lastMoments,
            Internships internships,
            Notifier notifier,
            TransactionTemplate transaction,
            Clock clock) {
        this.settings = settings;
        this.links = links;
        this.lastMoments = lastMoments;
        this.internships = internships;
        this.notifier = notifier;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public int run() {
        Instant now = clock.instant();
        int reminded = 0;
        for (ReminderSettings.Silent course : settings.turnedOn()) {
            List<InternshipTeachers.Intern> interns = links.interns(course.courseId()).stream()
                    .filter(intern -> intern.teacher().isPresent())
                    .toList();
            if (interns.isEmpty()) {
                continue;
            }
            Map<Long, Instant> last = lastMoments.byStudent(course.courseId());
            Map<Long, InternshipSummary> periods = internships.summaries(
                    course.courseId(),
                    interns.stream().map(intern -> intern.student().id()).toList());
            for (InternshipTeachers.Intern intern : interns) {
                long student = intern.student().id();
                Instant since = last.getOrDefault(student, course.since());
                if (since.plus(course.weeks() * 7L, ChronoUnit.DAYS).isAfter(now) || outside(periods.get(student))) {
                    continue;
                }
                long teacher = intern.teacher().orElseThrow().id();
                Boolean recorded = transaction.execute(status -> notifier.notify(new Notice(
                        NotificationKind.STUDENT_SILENT,
                        student,
                        course.courseId(),
                        "silent-" + course.courseId() + "-" + since.getEpochSecond(),
                        teacher,
                        student,
                        null,
                        "/student/log",
                        null,
                        null)));
                reminded += Boolean.TRUE.equals(recorded) ? 1 : 0;
            }
        }
        return reminded;
    }

    /** Before the internship or after it: nothing to log. */
    private static boolean outside(InternshipSummary period) {
        if (period == null) {
            return false;
        }
        InternshipWeek.Phase phase = period.week().phase();
        return phase == InternshipWeek.Phase.UPCOMING || phase == InternshipWeek.Phase.FINISHED;
    }
}
