package nl.leerlog.tool.reflection;

import static nl.leerlog.schema.Tables.REFLECTION;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The reflection facts of every student of a course at once, for counts over the course only (how many students a
 * tip rule would show to); never shown per student to anyone but that student.
 */
@Repository
public class CourseReflectionFigures {

    private final DSLContext db;

    CourseReflectionFigures(DSLContext db) {
        this.db = db;
    }

    /** Each student's reflections that are not deleted, by student id; students without any are absent. */
    public Map<Long, List<ReflectionFact>> byStudent(long courseId) {
        return ReflectionFigures.facts(db, REFLECTION.COURSE_ID.eq(courseId));
    }
}
