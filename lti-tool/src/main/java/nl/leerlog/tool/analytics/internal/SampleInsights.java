package nl.leerlog.tool.analytics.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.leerlog.tool.demo.SampleCourseRequested;
import nl.leerlog.tool.identity.Owner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo course's sample check-ins (the last three weeks, a dip in the middle for some interns) and one tip marked
 * helpful. Written after the guidance threads, so those keep sharing the interns' moments and reflections.
 */
@Component
record SampleInsights(CheckIns checkIns, TipResponses responses) {

    private static final int[][] WEEKS = {{4, 3, 4}, {3, 4, 2}, {4, 3, 3}};

    @EventListener
    @Order(SampleCourseRequested.GUIDANCE + 1)
    void write(SampleCourseRequested course) {
        LocalDate today = course.now().atOffset(ZoneOffset.UTC).toLocalDate();
        for (SampleCourseRequested.Intern intern : course.interns()) {
            Owner owner = Owner.of(intern.user(course.courseId()));
            boolean english = "en".equals(intern.locale().getLanguage());
            for (int week = 0; week < WEEKS.length; week++) {
                int[] answers = WEEKS[(week + intern.number()) % WEEKS.length];
                String note =
                        week != 1 ? null : english ? "Report cards week: long days." : "Rapportweek: lange dagen.";
                checkIns.save(
                        owner,
                        today.minusWeeks(WEEKS.length - 1 - week),
                        answers[0],
                        answers[1],
                        answers[2],
                        note,
                        course.now());
            }
            if (intern.number() == 0) {
                responses.markHelpful(owner, "log-regularly", course.now());
            }
        }
    }
}
