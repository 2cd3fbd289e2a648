package nl.leerlog.tool.analytics.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.leerlog.tool.identity.CourseStudents;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.internship.InternshipSummary;
import nl.leerlog.tool.internship.Internships;
import nl.leerlog.tool.learninglog.CourseMomentFigures;
import nl.leerlog.tool.learninglog.MomentFigures;
import nl.leerlog.tool.programme.Choice;
import nl.leerlog.tool.programme.Goal;
import nl.leerlog.tool.programme.ProgrammeCatalog;
import nl.leerlog.tool.programme.ReflectionModel;
import nl.leerlog.tool.programme.ReflectionModels;
import nl.leerlog.tool.reflection.CourseReflectionFigures;
import nl.leerlog.tool.reflection.ReflectionFigures;
import org.springframework.stereotype.Component;

/** Reads a student's figures through the APIs of the modules that own them; never their tables. */
@Component
record FiguresReader(
        MomentFigures moments,
        ReflectionFigures reflections,
        CourseMomentFigures courseMoments,
        CourseReflectionFigures courseReflections,
        ProgrammeCatalog catalog,
        ReflectionModels models,
        Internships internships,
        CourseStudents students) {

    /** The owner's own figures, with the programme's names in {@code locale}. */
    StudentFigures of(Owner owner, Locale locale) {
        List<Goal> goals = catalog.goals(owner);
        return new StudentFigures(
                moments.of(owner),
                reflections.of(owner),
                catalog.categories(owner.courseId()),
                goals.stream().map(goal -> new Choice(goal.id(), goal.title())).toList(),
                catalog.competencies(owner.courseId()),
                steps(owner.courseId(), locale),
                internships.summary(owner).map(InternshipSummary::internship).orElse(Internship.EMPTY),
                goals.stream().anyMatch(Goal::own));
    }

    /**
     * The figures of every active student of the course, by student id, in a fixed number of queries: for counting
     * how many students a rule holds for. The goals offered are left out: no course-wide rule needs their names.
     */
    Map<Long, StudentFigures> ofCourse(long courseId) {
        List<Long> ids = students.activeStudents(courseId).stream()
                .map(CourseStudents.Student::id)
                .toList();
        var momentsByStudent = courseMoments.byStudent(courseId);
        var reflectionsByStudent = courseReflections.byStudent(courseId);
        List<Choice> categories = catalog.categories(courseId);
        List<Choice> competencies = catalog.competencies(courseId);
        Map<Long, List<StudentFigures.Step>> steps = steps(courseId, Locale.ENGLISH);
        Map<Long, InternshipSummary> internshipsByStudent = internships.summaries(courseId, ids);
        Set<Long> withOwnGoals = catalog.studentsWithOwnGoals(courseId);
        Map<Long, StudentFigures> figures = new HashMap<>();
        for (long id : ids) {
            InternshipSummary internship = internshipsByStudent.get(id);
            figures.put(
                    id,
                    new StudentFigures(
                            momentsByStudent.getOrDefault(id, List.of()),
                            reflectionsByStudent.getOrDefault(id, List.of()),
                            categories,
                            List.of(),
                            competencies,
                            steps,
                            internship == null ? Internship.EMPTY : internship.internship(),
                            withOwnGoals.contains(id)));
        }
        return figures;
    }

    private Map<Long, List<StudentFigures.Step>> steps(long courseId, Locale locale) {
        return models.offeredTo(courseId, locale).stream()
                .collect(Collectors.toMap(
                        ReflectionModel::id,
                        model -> model.steps().stream()
                                .map(step -> new StudentFigures.Step(step.key(), step.title()))
                                .toList()));
    }
}
