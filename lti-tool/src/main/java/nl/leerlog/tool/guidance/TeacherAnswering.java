package nl.leerlog.tool.guidance;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a student's internship teacher reads and answers guidance questions, as the teacher stated it on their profile
 * (or the default until they do): for other modules that point a student to their teacher.
 */
public interface TeacherAnswering {

    /**
     * The teacher's stated availability.
     *
     * @param teacherName the teacher's name, null when the platform shares none
     * @param days the days they read and answer, in week order, named in the reader's language
     * @param stated false while the teacher has not said and the default holds
     */
    record Answering(String teacherName, List<String> days, int workingDays, String note, boolean stated) {}

    /** The availability of the student's internship teacher; nothing while the student has none. */
    Optional<Answering> forStudent(long courseId, long studentId, Locale locale);
}
