package nl.leerlog.tool.programme.internal;

import static nl.leerlog.schema.Tables.PROGRAMME;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import nl.leerlog.schema.tables.records.ProgrammeRecord;
import nl.leerlog.tool.programme.MomentField;
import nl.leerlog.tool.programme.ProgrammeCatalog;
import nl.leerlog.tool.programme.ReflectionModels;
import nl.leerlog.tool.system.Upserts;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.springframework.stereotype.Repository;

/**
 * A course's programme settings as its coordinators change them: the fields a learning moment requires and the
 * reflection model. {@link ProgrammeCatalog} reads them, with defaults for a course that has no row yet.
 */
@Repository
public record ProgrammeSettings(DSLContext db, Clock clock, ReflectionModels models) {

    public void requireFields(long courseId, Set<MomentField> fields, long changedBy) {
        save(courseId, PROGRAMME.REQUIRED_FIELDS, MomentField.format(fields), changedBy);
    }

    /** Chooses the course's reflection model; a model of another course is not found. */
    public void chooseReflectionModel(long courseId, long modelId, long changedBy) {
        if (!models.isOffered(courseId, modelId)) {
            throw CourseRecordNotFound.exception();
        }
        save(courseId, PROGRAMME.REFLECTION_MODEL_ID, modelId, changedBy);
    }

    /** Sets one setting of the course's programme, creating its row (other settings at their defaults) if need be. */
    private <T> void save(long courseId, TableField<ProgrammeRecord, T> setting, T value, long changedBy) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Upserts.upsert(() -> db.insertInto(PROGRAMME)
                .set(PROGRAMME.COURSE_ID, courseId)
                .set(setting, value)
                .set(PROGRAMME.UPDATED_AT, now)
                .set(PROGRAMME.UPDATED_BY, changedBy)
                .onConflict(PROGRAMME.COURSE_ID)
                .doUpdate()
                .set(setting, value)
                .set(PROGRAMME.UPDATED_AT, now)
                .set(PROGRAMME.UPDATED_BY, changedBy)
                .execute());
    }
}
