package nl.leerlog.tool.privacy;

/**
 * A feature's part of erasing a student's data of a course (GDPR art. 17): everything the feature keeps of that
 * student in that course, rows and files, goes for good. Each feature erases its own; the privacy module decides
 * when (after the waiting period the student could cancel in) and runs them in their {@link
 * org.springframework.core.annotation.Order}. Erasing what is already gone does nothing, so a run that fails half-way
 * is finished by the next.
 */
public interface ErasableRecords {

    /** What these records are, as the erasure's log names them (e.g. "moments"). */
    String kind();

    /** Erases everything of student {@code userId} in course {@code courseId}; returns how many records went. */
    int eraseStudent(long courseId, long userId);

    /**
     * Erases what the feature keeps of course {@code courseId} outside the rows that go with the course (files in a
     * file store), before the course is purged; most features keep nothing there.
     */
    default int eraseCourse(long courseId) {
        return 0;
    }
}
