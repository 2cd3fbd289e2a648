package nl.leerlog.tool.analytics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.leerlog.tool.internship.InternshipWeek;
import nl.leerlog.tool.learninglog.MomentFact;
import nl.leerlog.tool.programme.Choice;
import nl.leerlog.tool.reflection.ReflectionFact;

/**
 * Whether a tip rule holds for one student's figures on a day, and why: the reason is shown under the tip, so a
 * student sees what it is based on. Pure: the same figures and day give the same answer.
 */
final class TipConditions {

    /** A category share means little over fewer moments than this. */
    static final int CATEGORY_SHARE_MINIMUM = 5;

    /** "Usually" needs at least this many reflections. */
    static final int REFLECTIONS_MINIMUM = 3;

    /** Why a rule holds: a message key and its arguments. */
    record Reason(String key, List<Object> arguments) {

        Reason(String key, Object... arguments) {
            this(key, List.of(arguments));
        }
    }

    private TipConditions() {}

    static Optional<Reason> check(TipRule rule, StudentFigures figures, LocalDate today) {
        InternshipWeek week = figures.week(today);
        return switch (rule.type()) {
            case NO_MOMENT_FOR_DAYS -> noMomentFor(rule.threshold(), figures, week, today);
            case CATEGORY_SHARE -> categoryShare(rule.threshold(), figures);
            case COMPETENCY_UNLINKED -> competencyUnlinked(rule, figures, week);
            case REFLECTION_STOPS_AT_STEP -> reflectionsStop(rule.threshold(), figures);
            case NO_GOAL_AFTER_WEEK -> noGoal(rule.threshold(), figures, week);
            case INTERNSHIP_MISSING -> internshipMissing(figures);
        };
    }

    /** Before the internship starts and after it ends nobody is expected to log; with no period known, always. */
    private static Optional<Reason> noMomentFor(
            int days, StudentFigures figures, InternshipWeek week, LocalDate today) {
        if (week.phase() == InternshipWeek.Phase.UPCOMING || week.phase() == InternshipWeek.Phase.FINISHED) {
            return Optional.empty();
        }
        LocalDate since = today.minusDays(days - 1L);
        Optional<LocalDate> last = figures.moments().stream()
                .filter(moment -> !moment.draft() && !moment.occurredOn().isAfter(today))
                .map(MomentFact::occurredOn)
                .max(LocalDate::compareTo);
        if (last.isPresent() && !last.get().isBefore(since)) {
            return Optional.empty();
        }
        // A student who just started the internship has not had the days yet.
        LocalDate start = figures.internship().startsOn();
        if (last.isEmpty() && start != null && start.isAfter(since)) {
            return Optional.empty();
        }
        return Optional.of(last.map(day -> new Reason("tips.reason.no-moment.since", days, day.toString()))
                .orElseGet(() -> new Reason("tips.reason.no-moment.never", days)));
    }

    private static Optional<Reason> categoryShare(int percent, StudentFigures figures) {
        List<MomentFact> withCategory = figures.moments().stream()
                .filter(moment -> moment.categoryId() != null)
                .toList();
        if (withCategory.size() < CATEGORY_SHARE_MINIMUM) {
            return Optional.empty();
        }
        Map<Long, Long> counts =
                withCategory.stream().collect(Collectors.groupingBy(MomentFact::categoryId, Collectors.counting()));
        Map.Entry<Long, Long> most = counts.entrySet().stream()
                .max(Map.Entry.<Long, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow();
        long share = most.getValue() * 100 / withCategory.size();
        if (most.getValue() * 100 <= (long) percent * withCategory.size()) {
            return Optional.empty();
        }
        String name = figures.categories().stream()
                .filter(category -> category.id() == most.getKey())
                .map(Choice::label)
                .findFirst()
                .orElse("?");
        return Optional.of(new Reason("tips.reason.category-share", share, name));
    }

    private static Optional<Reason> competencyUnlinked(TipRule rule, StudentFigures figures, InternshipWeek week) {
        if (!afterWeek(rule.threshold(), week)) {
            return Optional.empty();
        }
        Set<Long> linked = figures.moments().stream()
                .flatMap(moment -> moment.competencyIds().stream())
                .collect(Collectors.toSet());
        List<Choice> unlinked = figures.competencies().stream()
                .filter(competency -> rule.competencyId() == null || competency.id() == rule.competencyId())
                .filter(competency -> !linked.contains(competency.id()))
                .toList();
        if (unlinked.isEmpty()) {
            return Optional.empty();
        }
        String names = unlinked.stream()
                .limit(3)
                .map(competency -> competency.code() == null ? competency.label() : competency.code())
                .collect(Collectors.joining(", "));
        return Optional.of(new Reason("tips.reason.competency-unlinked", rule.threshold(), unlinked.size(), names));
    }

    private static Optional<Reason> reflectionsStop(int step, StudentFigures figures) {
        List<ReflectionFact> reflections = figures.reflections();
        if (reflections.size() < REFLECTIONS_MINIMUM) {
            return Optional.empty();
        }
        long early = reflections.stream()
                .mapToInt(figures::stoppedAt)
                .filter(stoppedAt -> stoppedAt > 0 && stoppedAt <= step)
                .count();
        if (early * 2 <= reflections.size()) {
            return Optional.empty();
        }
        return Optional.of(new Reason("tips.reason.reflections-stop", early, reflections.size(), step));
    }

    private static Optional<Reason> noGoal(int weeks, StudentFigures figures, InternshipWeek week) {
        boolean linked =
                figures.moments().stream().anyMatch(moment -> !moment.goalIds().isEmpty());
        if (!afterWeek(weeks, week) || figures.hasOwnGoal() || linked) {
            return Optional.empty();
        }
        return Optional.of(new Reason("tips.reason.no-goal", week.week()));
    }

    private static Optional<Reason> internshipMissing(StudentFigures figures) {
        var internship = figures.internship();
        boolean noOrganisation =
                internship.organisation() == null || internship.organisation().isBlank();
        if (!noOrganisation && internship.startsOn() != null) {
            return Optional.empty();
        }
        return Optional.of(new Reason(
                noOrganisation
                        ? "tips.reason.internship-missing.organisation"
                        : "tips.reason.internship-missing.start"));
    }

    /** Only while the internship runs and its week {@code weeks} is over: before or after it the week means nothing. */
    private static boolean afterWeek(int weeks, InternshipWeek week) {
        return week.running() && week.week() > weeks;
    }
}
