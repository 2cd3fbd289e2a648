package nl.leerlog.tool.guidance.internal;

import java.util.Locale;
import java.util.Optional;
import nl.leerlog.tool.guidance.TeacherAnswering;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.springframework.stereotype.Component;

/** Reads a student's internship teacher and what they stated about answering. */
@Component
record TeacherAnsweringLookup(InternshipTeachers internshipTeachers, TeacherAvailabilities availabilities)
        implements TeacherAnswering {

    @Override
    public Optional<Answering> forStudent(long courseId, long studentId, Locale locale) {
        return internshipTeachers.teacherOf(courseId, studentId).map(teacher -> {
            Availability availability = availabilities.of(teacher.id());
            return new Answering(
                    teacher.name(),
                    availability.dayNames(locale),
                    availability.workingDays(),
                    availability.note(),
                    availability.stated());
        });
    }
}
