package nl.leerlog.tool.reflection;

import static nl.leerlog.tool.db.Tables.LEARNING_MOMENT;
import static nl.leerlog.tool.db.Tables.REFLECTION;
import static nl.leerlog.tool.db.Tables.REFLECTION_ANSWER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.tool.privacy.Owner;
import nl.leerlog.tool.privacy.PrivateRecords;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** A student's reflections, read and written only for their {@link Owner}. */
@Repository
@PrivateRecords
public class Reflections {

    private final DSLContext db;

    public Reflections(DSLContext db) {
        this.db = db;
    }

    /**
     * The owner's learning moment a reflection may be about: one that is theirs and not deleted. Someone else's
     * moment is as absent as one that never existed.
     */
    public Optional<Reflection.MomentLink> moment(Owner owner, long momentId) {
        return db.select(LEARNING_MOMENT.ID, LEARNING_MOMENT.TITLE).from(LEARNING_MOMENT)
                .where(owner.owns(LEARNING_MOMENT))
                .and(LEARNING_MOMENT.ID.eq(momentId))
                .and(LEARNING_MOMENT.DELETED_AT.isNull())
                .fetchOptional(r -> new Reflection.MomentLink(r.value1(), r.value2()));
    }

    /**
     * Stores a new reflection in the model {@code modelId} (which the caller checked the course offers), about the
     * owner's moment {@code momentId} or standalone ({@code null}). A moment that is not the owner's is not found.
     */
    @Transactional
    public long create(Owner owner, long modelId, Long momentId, ReflectionContent content, Instant now) {
        if (momentId != null && moment(owner, momentId).isEmpty()) {
            throw Owner.notFound();
        }
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        long id = db.insertInto(REFLECTION)
                .set(REFLECTION.COURSE_ID, owner.courseId())
                .set(REFLECTION.OWNER_ID, owner.userId())
                .set(REFLECTION.MOMENT_ID, momentId)
                .set(REFLECTION.MODEL_ID, modelId)
                .set(REFLECTION.TITLE, content.title())
                .set(REFLECTION.DRAFT, content.draft())
                .set(REFLECTION.CREATED_AT, at)
                .set(REFLECTION.UPDATED_AT, at)
                .returningResult(REFLECTION.ID).fetchSingle(REFLECTION.ID);
        writeAnswers(id, content.answers());
        return id;
    }

    /** The owner's reflection, unless it is deleted. */
    public Optional<Reflection> find(Owner owner, long id) {
        return db.select(REFLECTION.ID, REFLECTION.MODEL_ID, REFLECTION.TITLE, REFLECTION.DRAFT,
                        REFLECTION.CREATED_AT, REFLECTION.UPDATED_AT, LEARNING_MOMENT.ID, LEARNING_MOMENT.TITLE)
                .from(REFLECTION)
                .leftJoin(LEARNING_MOMENT).on(momentOf(owner))
                .where(owner.owns(REFLECTION))
                .and(REFLECTION.ID.eq(id))
                .and(REFLECTION.DELETED_AT.isNull())
                .fetchOptional(r -> new Reflection(r.get(REFLECTION.ID), r.get(REFLECTION.MODEL_ID), moment(r),
                        r.get(REFLECTION.TITLE), r.get(REFLECTION.DRAFT), answers(r.get(REFLECTION.ID)),
                        r.get(REFLECTION.CREATED_AT), r.get(REFLECTION.UPDATED_AT)));
    }

    /** The owner's reflections, newest first, without the deleted ones. */
    public List<ReflectionSummary> list(Owner owner) {
        return db.select(REFLECTION.ID, REFLECTION.TITLE, REFLECTION.MODEL_ID, REFLECTION.DRAFT,
                        REFLECTION.CREATED_AT, LEARNING_MOMENT.ID, LEARNING_MOMENT.TITLE)
                .from(REFLECTION)
                .leftJoin(LEARNING_MOMENT).on(momentOf(owner))
                .where(owner.owns(REFLECTION))
                .and(REFLECTION.DELETED_AT.isNull())
                .orderBy(REFLECTION.CREATED_AT.desc(), REFLECTION.ID.desc())
                .fetch(r -> new ReflectionSummary(r.get(REFLECTION.ID), r.get(REFLECTION.TITLE),
                        r.get(REFLECTION.MODEL_ID), moment(r), r.get(REFLECTION.DRAFT),
                        r.get(REFLECTION.CREATED_AT)));
    }

    /** Replaces the title, draft state and answers of the owner's reflection; false if there is no such one. */
    @Transactional
    public boolean update(Owner owner, long id, ReflectionContent content, Instant now) {
        int updated = db.update(REFLECTION)
                .set(REFLECTION.TITLE, content.title())
                .set(REFLECTION.DRAFT, content.draft())
                .set(REFLECTION.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(owner.owns(REFLECTION))
                .and(REFLECTION.ID.eq(id))
                .and(REFLECTION.DELETED_AT.isNull())
                .execute();
        if (updated == 0) {
            return false;
        }
        db.deleteFrom(REFLECTION_ANSWER).where(REFLECTION_ANSWER.REFLECTION_ID.eq(id)).execute();
        writeAnswers(id, content.answers());
        return true;
    }

    /** Soft delete, so the student can undo it; false if the owner has no such reflection. */
    public boolean delete(Owner owner, long id, Instant now) {
        return db.update(REFLECTION)
                .set(REFLECTION.DELETED_AT, now.atOffset(ZoneOffset.UTC))
                .where(owner.owns(REFLECTION))
                .and(REFLECTION.ID.eq(id))
                .and(REFLECTION.DELETED_AT.isNull())
                .execute() == 1;
    }

    /** Undoes a delete; false if the owner has no such deleted reflection. */
    public boolean restore(Owner owner, long id) {
        return db.update(REFLECTION)
                .setNull(REFLECTION.DELETED_AT)
                .where(owner.owns(REFLECTION))
                .and(REFLECTION.ID.eq(id))
                .and(REFLECTION.DELETED_AT.isNotNull())
                .execute() == 1;
    }

    /** The title of the owner's deleted reflection, for the notice that offers to undo the delete. */
    public Optional<String> deletedTitle(Owner owner, long id) {
        return db.select(REFLECTION.TITLE).from(REFLECTION)
                .where(owner.owns(REFLECTION))
                .and(REFLECTION.ID.eq(id))
                .and(REFLECTION.DELETED_AT.isNotNull())
                .fetchOptional(REFLECTION.TITLE);
    }

    /** The moment a reflection is about, if it is still there: a deleted moment is no longer linked. */
    private static org.jooq.Condition momentOf(Owner owner) {
        return LEARNING_MOMENT.ID.eq(REFLECTION.MOMENT_ID)
                .and(owner.owns(LEARNING_MOMENT))
                .and(LEARNING_MOMENT.DELETED_AT.isNull());
    }

    private static Reflection.MomentLink moment(Record r) {
        Long id = r.get(LEARNING_MOMENT.ID);
        return id == null ? null : new Reflection.MomentLink(id, r.get(LEARNING_MOMENT.TITLE));
    }

    /** Answers are read only through a reflection the owner's query already found. */
    private Map<String, String> answers(long reflectionId) {
        Map<String, String> answers = new HashMap<>();
        db.selectFrom(REFLECTION_ANSWER).where(REFLECTION_ANSWER.REFLECTION_ID.eq(reflectionId))
                .forEach(a -> answers.put(a.getStepKey(), a.getAnswer()));
        return answers;
    }

    private void writeAnswers(long reflectionId, Map<String, String> answers) {
        var insert = db.insertInto(REFLECTION_ANSWER, REFLECTION_ANSWER.REFLECTION_ID, REFLECTION_ANSWER.STEP_KEY,
                REFLECTION_ANSWER.ANSWER);
        boolean any = false;
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            if (answer.getValue() != null && !answer.getValue().isBlank()) {
                insert = insert.values(reflectionId, answer.getKey(), answer.getValue());
                any = true;
            }
        }
        if (any) {
            insert.execute();
        }
    }
}
