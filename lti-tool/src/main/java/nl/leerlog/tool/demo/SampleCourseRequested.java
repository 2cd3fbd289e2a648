package nl.leerlog.tool.demo;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.CurrentUser;

/**
 * The demo LMS recorded its course with sample interns and their internship teachers, and asks each feature to add
 * what a course a few weeks into the internship holds of it: learning moments, reflections, guidance threads. Only
 * published when the dev profile turns the sample course on; each feature writes its own records through its own
 * code, in the order of its listener.
 *
 * @param courseId the demo course
 * @param interns the sample interns, each with their internship teacher
 * @param now the moment the sample data is written, so every part agrees on "today"
 */
public record SampleCourseRequested(long courseId, List<Intern> interns, Instant now) {

    public SampleCourseRequested {
        interns = List.copyOf(interns);
    }

    /**
     * One sample intern.
     *
     * @param number the intern's place among the interns, from 0: features vary their sample data by it
     */
    public record Intern(int number, long userId, String name, Locale locale, long teacherId, String teacherName) {

        /** The intern as a request of theirs would have them. */
        public CurrentUser user(long courseId) {
            return new CurrentUser(userId, name, CourseRole.STUDENT, false, courseId, null, locale);
        }

        /** Their internship teacher as a request of theirs would have them. */
        public CurrentUser teacher(long courseId) {
            return new CurrentUser(teacherId, teacherName, CourseRole.TEACHER, false, courseId, null, locale);
        }
    }

    /** The order of the features' listeners: records first, then what shares them. */
    public static final int LEARNING_LOG = 1;

    public static final int REFLECTIONS = 2;
    public static final int GUIDANCE = 3;
    public static final int CAFE = 4;
}
