package nl.leerlog.tool.analytics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.leerlog.tool.learninglog.MomentFact;
import nl.leerlog.tool.programme.Choice;
import nl.leerlog.tool.reflection.ReflectionFact;

/**
 * Figures over a group of students for their teachers: sums, averages and shares only, and only over a group of at
 * least {@link SmallGroups#MINIMUM} students, so that no figure is one student's. Drafts are left out, as they are
 * not finished work.
 *
 * @param students how many students the figures are over
 * @param weeks the last {@link #WEEKS} calendar weeks, oldest first
 * @param categories per category of the course, its share of the group's moments that have a category
 * @param competencies per competency of the course, the share of the group's students who linked it at least once
 * @param reflectionsPerStudent the group's reflections divided by its students
 * @param completeReflectionsPercent the share of the group's reflections with every step answered
 * @param withGoalPercent the share of the group's students with a learning goal of their own or one linked to a moment
 */
record CourseFigures(
        int students,
        List<Week> weeks,
        List<Share> categories,
        List<Share> competencies,
        double reflectionsPerStudent,
        int completeReflectionsPercent,
        int withGoalPercent) {

    /** How many weeks back the week table goes. */
    static final int WEEKS = 8;

    /**
     * One calendar week over the group.
     *
     * @param monday the week's first day
     * @param moments the group's moments that week
     * @param perStudent those moments divided by the group's students
     * @param loggingPercent the share of the group's students who logged at least one moment that week
     */
    record Week(LocalDate monday, int moments, double perStudent, int loggingPercent) {}

    /** A name with its share in percent. */
    record Share(String name, int percent) {}

    /** The figures over {@code group}, or nothing when the group is too small to show any. */
    static Optional<CourseFigures> of(
            Collection<StudentFigures> group, List<Choice> categories, List<Choice> competencies, LocalDate today) {
        int students = group.size();
        if (!SmallGroups.showable(students)) {
            return Optional.empty();
        }
        List<List<MomentFact>> moments = group.stream()
                .map(student -> student.moments().stream()
                        .filter(moment -> !moment.draft())
                        .toList())
                .toList();
        LocalDate thisWeek = CheckIns.weekOf(today);
        List<Week> weeks = new ArrayList<>();
        for (int back = WEEKS - 1; back >= 0; back--) {
            LocalDate monday = thisWeek.minusWeeks(back);
            LocalDate sunday = monday.plusDays(6);
            int total = 0;
            int logging = 0;
            for (List<MomentFact> own : moments) {
                long inWeek = own.stream()
                        .filter(moment -> !moment.occurredOn().isBefore(monday)
                                && !moment.occurredOn().isAfter(sunday))
                        .count();
                total += (int) inWeek;
                logging += inWeek > 0 ? 1 : 0;
            }
            weeks.add(new Week(monday, total, (double) total / students, percent(logging, students)));
        }
        List<MomentFact> all = moments.stream().flatMap(List::stream).toList();
        long withCategory =
                all.stream().filter(moment -> moment.categoryId() != null).count();
        List<Share> categoryShares = categories.stream()
                .map(category -> new Share(
                        category.label(),
                        percent(
                                all.stream()
                                        .filter(moment ->
                                                moment.categoryId() != null && moment.categoryId() == category.id())
                                        .count(),
                                withCategory)))
                .toList();
        List<Share> competencyShares = competencies.stream()
                .map(competency -> new Share(
                        competency.code() == null ? competency.label() : competency.code() + " " + competency.label(),
                        percent(
                                moments.stream()
                                        .filter(own -> own.stream()
                                                .anyMatch(moment ->
                                                        moment.competencyIds().contains(competency.id())))
                                        .count(),
                                students)))
                .toList();
        int reflections = 0;
        int complete = 0;
        int withGoal = 0;
        for (StudentFigures student : group) {
            for (ReflectionFact reflection : student.reflections()) {
                if (reflection.draft()) {
                    continue;
                }
                reflections++;
                complete += student.stoppedAt(reflection) == 0 ? 1 : 0;
            }
            boolean linked = student.moments().stream()
                    .anyMatch(moment -> !moment.goalIds().isEmpty());
            withGoal += student.hasOwnGoal() || linked ? 1 : 0;
        }
        return Optional.of(new CourseFigures(
                students,
                weeks,
                categoryShares,
                competencyShares,
                (double) reflections / students,
                percent(complete, reflections),
                percent(withGoal, students)));
    }

    /** {@code part} of {@code whole} in whole percent, rounded; 0 of nothing is 0. */
    private static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.round(part * 100.0 / whole);
    }
}
