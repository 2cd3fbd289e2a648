package nl.leerlog.tool.learninglog.internal.evidence;

import static nl.leerlog.schema.Tables.EVIDENCE;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;

import nl.leerlog.tool.privacy.ErasableRecords;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A student's learning moments of a course, deleted ones too, with their links and evidence: each file's content
 * first, from the store that keeps it, then its row, then the moments. Reflections on them are the reflection
 * feature's to erase.
 */
@Component
@Order(10)
record ErasedMoments(DSLContext db, EvidenceStores.Storage storage) implements ErasableRecords {

    @Override
    public String kind() {
        return "moments";
    }

    @Override
    public int eraseStudent(long courseId, long userId) {
        int files = eraseEvidence(EVIDENCE.COURSE_ID.eq(courseId).and(EVIDENCE.OWNER_ID.eq(userId)));
        return files
                + db.deleteFrom(LEARNING_MOMENT)
                        .where(LEARNING_MOMENT.COURSE_ID.eq(courseId), LEARNING_MOMENT.OWNER_ID.eq(userId))
                        .execute();
    }

    /** The files of the course: their rows would go with the course, the content in a file store would stay. */
    @Override
    public int eraseCourse(long courseId) {
        return eraseEvidence(EVIDENCE.COURSE_ID.eq(courseId));
    }

    private int eraseEvidence(Condition which) {
        var files = db.select(EVIDENCE.ID, EVIDENCE.STORAGE, EVIDENCE.STORAGE_KEY)
                .from(EVIDENCE)
                .where(which)
                .fetch();
        for (var file : files) {
            // The content goes first: a failure leaves a row that the next run tries again, never an orphan file.
            storage.of(file.value2()).delete(file.value1(), file.value3());
            db.deleteFrom(EVIDENCE).where(EVIDENCE.ID.eq(file.value1())).execute();
        }
        return files.size();
    }
}
