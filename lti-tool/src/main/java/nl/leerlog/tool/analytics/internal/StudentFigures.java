package nl.leerlog.tool.analytics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.internship.InternshipWeek;
import nl.leerlog.tool.learninglog.MomentFact;
import nl.leerlog.tool.programme.Choice;
import nl.leerlog.tool.reflection.ReflectionFact;

/**
 * Everything one student's analytics and tips are computed from: their own moments and reflections, what the course
 * offers to link them to, the steps of the reflection models, and their internship.
 *
 * @param stepsByModel each reflection model's steps in order, by model id
 * @param internship the internship as entered, {@link Internship#EMPTY} when nothing is
 * @param hasOwnGoal whether the student set themselves a learning goal or question
 */
record StudentFigures(
        List<MomentFact> moments,
        List<ReflectionFact> reflections,
        List<Choice> categories,
        List<Choice> goals,
        List<Choice> competencies,
        Map<Long, List<Step>> stepsByModel,
        Internship internship,
        boolean hasOwnGoal) {

    StudentFigures {
        moments = List.copyOf(moments);
        reflections = List.copyOf(reflections);
        categories = List.copyOf(categories);
        goals = List.copyOf(goals);
        competencies = List.copyOf(competencies);
        stepsByModel = Map.copyOf(stepsByModel);
    }

    /** One step of a reflection model: its answer key and its title in the reader's language. */
    record Step(String key, String title) {}

    /** Where in the internship {@code today} lies. */
    InternshipWeek week(LocalDate today) {
        return InternshipWeek.on(internship.startsOn(), internship.endsOn(), today);
    }

    /**
     * The position (from 1) of the first step of the reflection's model without an answer: where the student stopped;
     * 0 when every step has one.
     */
    int stoppedAt(ReflectionFact reflection) {
        List<Step> steps = stepsByModel.getOrDefault(reflection.modelId(), List.of());
        for (int i = 0; i < steps.size(); i++) {
            if (!reflection.answeredSteps().contains(steps.get(i).key())) {
                return i + 1;
            }
        }
        return 0;
    }
}
