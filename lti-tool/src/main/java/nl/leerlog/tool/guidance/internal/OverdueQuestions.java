package nl.leerlog.tool.guidance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.leerlog.tool.guidance.WaitingQuestions;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waiting questions measured as the dashboard measures them ({@link UrgencyRule#OVERDUE_ANSWER}): due the
 * teacher's stated number of working days after the wait began, overdue from the day after. A question that asks for
 * a conversation waits for the teacher as much as one that asks for an answer.
 */
@Component
class OverdueQuestions implements WaitingQuestions {

    private final DSLContext db;
    private final TeacherAvailabilities availabilities;

    OverdueQuestions(DSLContext db, TeacherAvailabilities availabilities) {
        this.db = db;
        this.availabilities = availabilities;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Overdue> overdue(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, Urgency.ZONE);
        Map<Long, Integer> workingDays = new HashMap<>();
        return WaitingLines.of(db, DSL.trueCondition()).stream()
                .filter(question -> question.since() != null)
                .map(question -> {
                    int days = workingDays.computeIfAbsent(
                            question.teacherId(),
                            teacher -> availabilities.of(teacher).workingDays());
                    LocalDate due = Urgency.plusWorkingDays(LocalDate.ofInstant(question.since(), Urgency.ZONE), days);
                    return new Overdue(
                            question.questionId(),
                            question.courseId(),
                            question.studentId(),
                            question.teacherId(),
                            question.since(),
                            due);
                })
                .filter(overdue -> today.isAfter(overdue.dueOn()))
                .sorted(Comparator.comparing(Overdue::waitingSince).thenComparing(Overdue::questionId))
                .toList();
    }
}
