package nl.leerlog.tool.analytics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * How many of a course's students each tip rule holds for now: the coordinator's live preview ("this rule would show
 * to 12 of 80 students"), with counts only, never who.
 */
@Service
public record TipPreview(
        FiguresReader figures, TipRules rules, AnalyticsSettings settings, CourseAnalytics course, Clock clock) {

    /**
     * The course's active students and, per rule (enabled or not), how many of them it holds for. Where the course
     * asks consent, a student without it sees no tips, so they are counted among the students only.
     */
    public record Counts(int students, Map<String, Integer> holdingByRule) {}

    public Counts counts(long courseId) {
        return counts(courseId, rules.of(courseId));
    }

    Counts counts(long courseId, List<TipRule> courseRules) {
        Map<Long, StudentFigures> students = figures.ofCourse(courseId);
        List<StudentFigures> computed;
        if (settings.consentRequired(courseId)) {
            Set<Long> consented = course.consented(courseId);
            computed = students.entrySet().stream()
                    .filter(student -> consented.contains(student.getKey()))
                    .map(Map.Entry::getValue)
                    .toList();
        } else {
            computed = List.copyOf(students.values());
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Integer> holding = new LinkedHashMap<>();
        for (TipRule rule : courseRules) {
            int count = (int) computed.stream()
                    .filter(student -> TipConditions.check(rule, student, today).isPresent())
                    .count();
            holding.put(rule.key(), count);
        }
        return new Counts(students.size(), holding);
    }
}
