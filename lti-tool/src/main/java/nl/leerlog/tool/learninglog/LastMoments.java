package nl.leerlog.tool.learninglog;

import static nl.leerlog.schema.Tables.LEARNING_MOMENT;

import java.time.Instant;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * When each student of a course last wrote in their learning log: for a reminder to the student who has been silent.
 * Only the moment of writing, never what was written; drafts count (the student wrote), deleted moments do not.
 */
@Repository
public class LastMoments {

    private final DSLContext db;

    LastMoments(DSLContext db) {
        this.db = db;
    }

    /** The latest moment each student wrote that is not deleted, by student id; students without one are absent. */
    public Map<Long, Instant> byStudent(long courseId) {
        return db.select(LEARNING_MOMENT.OWNER_ID, DSL.max(LEARNING_MOMENT.CREATED_AT))
                .from(LEARNING_MOMENT)
                .where(LEARNING_MOMENT.COURSE_ID.eq(courseId))
                .and(LEARNING_MOMENT.DELETED_AT.isNull())
                .groupBy(LEARNING_MOMENT.OWNER_ID)
                .fetchMap(r -> r.value1(), r -> r.value2().toInstant());
    }
}
