package nl.leerlog.tool.learninglog;

import static nl.leerlog.schema.Tables.LEARNING_MOMENT;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The moment facts of every student of a course at once, for counts over the course only: how many students a tip
 * rule would show to, and figures over groups of at least five. Callers never show one student's facts to anyone
 * but that student; {@link MomentFigures} is what a student's own page reads.
 */
@Repository
public class CourseMomentFigures {

    private final DSLContext db;

    CourseMomentFigures(DSLContext db) {
        this.db = db;
    }

    /** Each student's moments that are not deleted, by student id; students without moments are absent. */
    public Map<Long, List<MomentFact>> byStudent(long courseId) {
        return MomentFigures.facts(db, LEARNING_MOMENT.COURSE_ID.eq(courseId));
    }
}
