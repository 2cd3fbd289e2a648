package nl.leerlog.tool.programme;

import static nl.leerlog.tool.db.Tables.PROGRAMME;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import nl.leerlog.tool.course.CourseMembership;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * A course's programme settings as its coordinators change them: the fields a learning moment requires and the
 * reflection model. {@link ProgrammeCatalog} reads them, with defaults for a course that has no row yet.
 */
@Repository
public class ProgrammeSettings {

    private final DSLContext db;
    private final Clock clock;
    private final ReflectionModels models;

    public ProgrammeSettings(DSLContext db, Clock clock, ReflectionModels models) {
        this.db = db;
        this.clock = clock;
        this.models = models;
    }

    public void requireFields(long courseId, Set<MomentField> fields, long changedBy) {
        String stored = MomentField.format(fields);
        OffsetDateTime now = OffsetDateTime.now(clock);
        CourseMembership.upsert(() -> db.insertInto(PROGRAMME)
                .set(PROGRAMME.COURSE_ID, courseId)
                .set(PROGRAMME.REQUIRED_FIELDS, stored)
                .set(PROGRAMME.UPDATED_AT, now)
                .set(PROGRAMME.UPDATED_BY, changedBy)
                .onConflict(PROGRAMME.COURSE_ID)
                .doUpdate()
                .set(PROGRAMME.REQUIRED_FIELDS, stored)
                .set(PROGRAMME.UPDATED_AT, now)
                .set(PROGRAMME.UPDATED_BY, changedBy)
                .execute());
    }

    /** Chooses the course's reflection model; a model of another course is not found. */
    public void chooseReflectionModel(long courseId, long modelId, long changedBy) {
        if (!models.isOffered(courseId, modelId)) {
            throw CourseRecordNotFound.exception();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CourseMembership.upsert(() -> db.insertInto(PROGRAMME)
                .set(PROGRAMME.COURSE_ID, courseId)
                .set(PROGRAMME.REFLECTION_MODEL_ID, modelId)
                .set(PROGRAMME.UPDATED_AT, now)
                .set(PROGRAMME.UPDATED_BY, changedBy)
                .onConflict(PROGRAMME.COURSE_ID)
                .doUpdate()
                .set(PROGRAMME.REFLECTION_MODEL_ID, modelId)
                .set(PROGRAMME.UPDATED_AT, now)
                .set(PROGRAMME.UPDATED_BY, changedBy)
                .execute());
    }
}
