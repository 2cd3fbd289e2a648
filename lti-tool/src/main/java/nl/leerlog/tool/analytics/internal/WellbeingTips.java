package nl.leerlog.tool.analytics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.leerlog.tool.guidance.TeacherAnswering;
import nl.leerlog.tool.identity.Owner;
import org.springframework.stereotype.Service;

/**
 * The tip a student sees after two low weeks of check-ins: when their teacher answers, and the school's student
 * counsellor where the course configured one. Only the student sees it; nothing of it reaches the teacher.
 */
@Service
record WellbeingTips(CheckIns checkIns, TeacherAnswering answering, AnalyticsSettings settings, Clock clock) {

    /**
     * The tip's content.
     *
     * @param teacher the student's internship teacher and when they answer; null while the student has none
     * @param counsellorUrl the counsellor's address, null when the course configured none
     */
    record WellbeingTip(TeacherAnswering.Answering teacher, String counsellorUrl) {}

    Optional<WellbeingTip> current(Owner owner, Locale locale) {
        return current(owner, checkIns.recent(owner, 2), locale);
    }

    /** The same, from the student's check-ins already read (newest first). */
    Optional<WellbeingTip> current(Owner owner, List<CheckIn> recent, Locale locale) {
        if (!WellbeingTrend.low(recent, LocalDate.now(clock))) {
            return Optional.empty();
        }
        return Optional.of(new WellbeingTip(
                answering.forStudent(owner.courseId(), owner.userId(), locale).orElse(null),
                settings.counsellorUrl(owner.courseId()).orElse(null)));
    }
}
