package nl.leerlog.tool.identity;

/** What a person may do in a course in Leerlog. */
public enum CourseRole {
    /** Instructors, teaching assistants, content developers and course administrators. */
    TEACHER,
    /** Learners, including the LMS's test student. */
    STUDENT,
    /** Mentors (Canvas observers): refused, because a student's log is theirs alone. */
    OBSERVER,
    /** No membership role in the course (e.g. an account admin who is not enrolled): refused. */
    NONE;

    /** Where a launch in this role lands: the first section of the role's menu. */
    public String homePage() {
        return this == TEACHER ? "/teacher/dashboard" : "/student/log";
    }
}
