package nl.leerlog.tool.reflection.internal;

import static nl.leerlog.schema.Tables.REFLECTION;
import static nl.leerlog.schema.Tables.REFLECTION_ANSWER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
import nl.leerlog.tool.learninglog.MomentTitles;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** A student's reflections, read and written only for their {@link Owner}. */
@Repository
@PrivateRecords
public class Reflections {

    private final DSLContext db;
    private final MomentTitles moments;

    public Reflections(DSLContext db, MomentTitles moments) {
        this.db = db;
        this.moments = moments;
    }

    /**
     * The owner's learning moment a reflection may be about: one that is theirs and not deleted. Someone else's
     * moment is as absent as one that never existed.
     */
    public Optional<Reflection.MomentLink> moment(Owner owner, long momentId) {
        return moments.liveTitle(owner, momentId).map(title -> new Reflection.MomentLink(momentId, title));
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
                .returningResult(REFLECTION.ID)
                .fetchSingle(REFLECTION.ID);
        writeAnswers(id, content.answers());
        return id;
    }

    /** The owner's reflection, unless it is deleted. */
    public Optional<Reflection> find(Owner owner, long id) {
        return db.selectFrom(REFLECTION)
                .where(owner.owns(REFLECTION))
                .and(REFLECTION.ID.eq(id))
                .and(REFLECTION.DELETED_AT.isNull())
                .fetchOptional(r -> new Reflection(
                        r.getId(),
                        r.getModelId(),
                        moments(owner, r.getMomentId() == null ? List.of() : List.of(r.getMomentId()))
                                .get(r.getMomentId()),
                        r.getTitle(),
                        r.getDraft(),
                        answers(r.getId()),
                        r.getCreatedAt(),
                        r.getUpdatedAt()));
    }

    /** The owner's reflections, newest first, without the deleted ones. */
    public List<ReflectionSummary> list(Owner owner) {
        var rows = db.selectFrom(REFLECTION)
                .where(owner.owns(REFLECTION))
                .and(REFLECTION.DELETED_AT.isNull())
                .orderBy(REFLECTION.CREATED_AT.desc(), REFLECTION.ID.desc())
                .fetch();
        Map<Long, Reflection.MomentLink> links =
                moments(owner, rows.stream().map(r -> r.getMomentId()).toList());
        return rows.map(r -> new ReflectionSummary(
                r.getId(), r.getTitle(), r.getModelId(), links.get(r.getMomentId()), r.getDraft(), r.getCreatedAt()));
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
        db.deleteFrom(REFLECTION_ANSWER)
                .where(REFLECTION_ANSWER.REFLECTION_ID.eq(id))
                .execute();
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
                        .execute()
                == 1;
    }

    /** Undoes a delete; false if the owner has no such deleted reflection. */
    public boolean restore(Owner owner, long id) {
        return db.update(REFLECTION)
                        .setNull(REFLECTION.DELETED_AT)
                        .where(owner.owns(REFLECTION))
                        .and(REFLECTION.ID.eq(id))
                        .and(REFLECTION.DELETED_AT.isNotNull())
                        .execute()
                == 1;
    }

    /** The title of the owner's deleted reflection, for the notice that offers to undo the delete. */
    public Optional<String> deletedTitle(Owner owner, long id) {
        return db.select(REFLECTION.TITLE)
                .from(REFLECTION)
                .where(owner.owns(REFLECTION))
                .and(REFLECTION.ID.eq(id))
                .and(REFLECTION.DELETED_AT.isNotNull())
                .fetchOptional(REFLECTION.TITLE);
    }

    /** The moments reflections are about, if they are still there: a deleted moment is no longer linked. */
    private Map<Long, Reflection.MomentLink> moments(Owner owner, List<Long> momentIds) {
        Map<Long, Reflection.MomentLink> links = new HashMap<>();
        moments.liveTitles(owner, momentIds.stream().filter(Objects::nonNull).collect(Collectors.toSet()))
                .forEach((id, title) -> links.put(id, new Reflection.MomentLink(id, title)));
        return links;
    }

    /** Answers are read only through a reflection the owner's query already found. */
    private Map<String, String> answers(long reflectionId) {
        Map<String, String> answers = new HashMap<>();
        db.selectFrom(REFLECTION_ANSWER)
                .where(REFLECTION_ANSWER.REFLECTION_ID.eq(reflectionId))
                .forEach(a -> answers.put(a.getStepKey(), a.getAnswer()));
        return answers;
    }

    private void writeAnswers(long reflectionId, Map<String, String> answers) {
        var insert = db.insertInto(
                REFLECTION_ANSWER,
                REFLECTION_ANSWER.REFLECTION_ID,
                REFLECTION_ANSWER.STEP_KEY,
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
