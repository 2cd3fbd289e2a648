package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.GUIDANCE_ITEM;
import static nl.leerlog.schema.Tables.GUIDANCE_ITEM_PART;
import static nl.leerlog.schema.Tables.GUIDANCE_MESSAGE;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.schema.tables.records.GuidanceQuestionRecord;
import nl.leerlog.tool.guidance.ItemSnapshot;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guidance questions and their threads. The student reaches their own with an {@link Owner}; a teacher reaches what
 * was sent to them with a {@link TeacherView}, checked in the same statement that reads or writes, so an unlink or a
 * withdrawal that lands first is always respected.
 */
@Repository
class GuidanceQuestions {

    private final DSLContext db;

    GuidanceQuestions(DSLContext db) {
        this.db = db;
    }

    /** A question as the student sends it, with the items copied as they are now. */
    record NewQuestion(String title, String question, AnswerForm answerForm, String preferredMoments) {}

    /** One item to send: the kind and id of the record and its copy. */
    record NewItem(String kind, long recordId, ItemSnapshot snapshot) {}

    @Transactional
    long ask(Owner owner, long teacherId, NewQuestion question, List<NewItem> items, Instant now) {
        OffsetDateTime at = at(now);
        long id = db.insertInto(GUIDANCE_QUESTION)
                .set(GUIDANCE_QUESTION.COURSE_ID, owner.courseId())
                .set(GUIDANCE_QUESTION.OWNER_ID, owner.userId())
                .set(GUIDANCE_QUESTION.TEACHER_ID, teacherId)
                .set(GUIDANCE_QUESTION.TITLE, question.title())
                .set(GUIDANCE_QUESTION.QUESTION, question.question())
                .set(GUIDANCE_QUESTION.ANSWER_FORM, question.answerForm().name())
                .set(GUIDANCE_QUESTION.PREFERRED_MOMENTS, question.preferredMoments())
                .set(GUIDANCE_QUESTION.STATE, QuestionState.WAITING.name())
                .set(GUIDANCE_QUESTION.CREATED_AT, at)
                .set(GUIDANCE_QUESTION.UPDATED_AT, at)
                .returningResult(GUIDANCE_QUESTION.ID)
                .fetchSingle(GUIDANCE_QUESTION.ID);
        for (NewItem item : items) {
            long itemId = db.insertInto(GUIDANCE_ITEM)
                    .set(GUIDANCE_ITEM.QUESTION_ID, id)
                    .set(GUIDANCE_ITEM.KIND, item.kind())
                    .set(GUIDANCE_ITEM.RECORD_ID, item.recordId())
                    .set(GUIDANCE_ITEM.TITLE, item.snapshot().title())
                    .set(GUIDANCE_ITEM.OCCURRED_ON, item.snapshot().date())
                    .set(GUIDANCE_ITEM.SHARED_AT, at)
                    .returningResult(GUIDANCE_ITEM.ID)
                    .fetchSingle(GUIDANCE_ITEM.ID);
            var parts = item.snapshot().parts();
            for (int position = 0; position < parts.size(); position++) {
                db.insertInto(GUIDANCE_ITEM_PART)
                        .set(GUIDANCE_ITEM_PART.ITEM_ID, itemId)
                        .set(GUIDANCE_ITEM_PART.POSITION, position)
                        .set(GUIDANCE_ITEM_PART.HEADING_KEY, parts.get(position).headingKey())
                        .set(GUIDANCE_ITEM_PART.HEADING, parts.get(position).heading())
                        .set(GUIDANCE_ITEM_PART.BODY, parts.get(position).body())
                        .execute();
            }
        }
        return id;
    }

    /** The student's questions, the latest change first. */
    List<Thread.Summary> mine(Owner owner) {
        return summaries(owner.owns(GUIDANCE_QUESTION));
    }

    /** The questions sent to this teacher by students still linked to them, the latest change first. */
    List<Thread.Summary> sentTo(TeacherView teacher) {
        return summaries(teacher.reads(GUIDANCE_QUESTION));
    }

    Optional<Thread> mine(Owner owner, long id) {
        return thread(owner.owns(GUIDANCE_QUESTION), id);
    }

    Optional<Thread> sentTo(TeacherView teacher, long id) {
        return thread(teacher.reads(GUIDANCE_QUESTION), id);
    }

    /** The student's reply: the question waits for the teacher again. False if it is not theirs or is closed. */
    @Transactional
    boolean reply(Owner owner, long id, String body, Instant now) {
        return write(owner.owns(GUIDANCE_QUESTION), id, owner.userId(), body, QuestionState.WAITING, now);
    }

    /** The teacher's reply: the question is answered. False if the teacher may not see it (any more) or it is closed. */
    @Transactional
    boolean reply(TeacherView teacher, long id, String body, Instant now) {
        return write(teacher.reads(GUIDANCE_QUESTION), id, teacher.teacherId(), body, QuestionState.ANSWERED, now);
    }

    /** The student closes their question; nothing more can be written in it. */
    boolean close(Owner owner, long id, Instant now) {
        return db.update(GUIDANCE_QUESTION)
                        .set(GUIDANCE_QUESTION.STATE, QuestionState.CLOSED.name())
                        .set(GUIDANCE_QUESTION.UPDATED_AT, at(now))
                        .where(owner.owns(GUIDANCE_QUESTION))
                        .and(GUIDANCE_QUESTION.ID.eq(id))
                        .execute()
                == 1;
    }

    /**
     * The student takes one shared item back: its copy is deleted at once (the teacher no longer sees it) and the
     * thread keeps a line that an item was withdrawn, without its title. False if it is not theirs or already withdrawn.
     */
    @Transactional
    boolean withdraw(Owner owner, long questionId, long itemId, Instant now) {
        OffsetDateTime at = at(now);
        int withdrawn = db.update(GUIDANCE_ITEM)
                .set(GUIDANCE_ITEM.WITHDRAWN_AT, at)
                .where(GUIDANCE_ITEM.ID.eq(itemId))
                .and(GUIDANCE_ITEM.QUESTION_ID.eq(questionId))
                .and(GUIDANCE_ITEM.WITHDRAWN_AT.isNull())
                .andExists(db.selectOne()
                        .from(GUIDANCE_QUESTION)
                        .where(owner.owns(GUIDANCE_QUESTION))
                        .and(GUIDANCE_QUESTION.ID.eq(questionId)))
                .execute();
        if (withdrawn == 0) {
            return false;
        }
        db.deleteFrom(GUIDANCE_ITEM_PART)
                .where(GUIDANCE_ITEM_PART.ITEM_ID.eq(itemId))
                .execute();
        db.insertInto(GUIDANCE_MESSAGE)
                .set(GUIDANCE_MESSAGE.QUESTION_ID, questionId)
                .set(GUIDANCE_MESSAGE.AUTHOR_ID, owner.userId())
                .set(GUIDANCE_MESSAGE.KIND, Thread.MessageKind.WITHDRAWN.name())
                .set(GUIDANCE_MESSAGE.BODY, "")
                .set(GUIDANCE_MESSAGE.CREATED_AT, at)
                .execute();
        return true;
    }

    /**
     * Writes a message only where {@code reader} may see an open question, in one statement, so that a reply racing
     * an unlink or a close either lands before it or not at all.
     */
    private boolean write(Condition reader, long id, long authorId, String body, QuestionState next, Instant now) {
        OffsetDateTime at = at(now);
        int written = db.insertInto(
                        GUIDANCE_MESSAGE,
                        GUIDANCE_MESSAGE.QUESTION_ID,
                        GUIDANCE_MESSAGE.AUTHOR_ID,
                        GUIDANCE_MESSAGE.KIND,
                        GUIDANCE_MESSAGE.BODY,
                        GUIDANCE_MESSAGE.CREATED_AT)
                .select(db.select(
                                GUIDANCE_QUESTION.ID,
                                val(authorId),
                                inline(Thread.MessageKind.MESSAGE.name()),
                                val(body),
                                val(at))
                        .from(GUIDANCE_QUESTION)
                        .where(reader)
                        .and(GUIDANCE_QUESTION.ID.eq(id))
                        .and(GUIDANCE_QUESTION.STATE.ne(QuestionState.CLOSED.name())))
                .execute();
        if (written == 0) {
            return false;
        }
        db.update(GUIDANCE_QUESTION)
                .set(GUIDANCE_QUESTION.STATE, next.name())
                .set(GUIDANCE_QUESTION.UPDATED_AT, at)
                .where(GUIDANCE_QUESTION.ID.eq(id))
                .execute();
        return true;
    }

    private List<Thread.Summary> summaries(Condition reader) {
        return db.selectFrom(GUIDANCE_QUESTION)
                .where(reader)
                .orderBy(GUIDANCE_QUESTION.UPDATED_AT.desc(), GUIDANCE_QUESTION.ID.desc())
                .fetch(GuidanceQuestions::summary);
    }

    private Optional<Thread> thread(Condition reader, long id) {
        return db.selectFrom(GUIDANCE_QUESTION)
                .where(reader)
                .and(GUIDANCE_QUESTION.ID.eq(id))
                .fetchOptional()
                .map(question -> new Thread(
                        summary(question),
                        question.getQuestion(),
                        AnswerForm.valueOf(question.getAnswerForm()),
                        question.getPreferredMoments(),
                        items(id),
                        messages(id, question.getOwnerId())));
    }

    private List<Thread.SharedItem> items(long questionId) {
        Map<Long, List<ItemSnapshot.Part>> parts = db.select(
                        GUIDANCE_ITEM_PART.ITEM_ID,
                        GUIDANCE_ITEM_PART.HEADING_KEY,
                        GUIDANCE_ITEM_PART.HEADING,
                        GUIDANCE_ITEM_PART.BODY)
                .from(GUIDANCE_ITEM_PART)
                .join(GUIDANCE_ITEM)
                .on(GUIDANCE_ITEM.ID.eq(GUIDANCE_ITEM_PART.ITEM_ID))
                .where(GUIDANCE_ITEM.QUESTION_ID.eq(questionId))
                // What the student withdrew is not read, whoever asks (its parts are deleted as well).
                .and(GUIDANCE_ITEM.WITHDRAWN_AT.isNull())
                .orderBy(GUIDANCE_ITEM_PART.ITEM_ID, GUIDANCE_ITEM_PART.POSITION)
                .fetchGroups(r -> r.value1(), r -> new ItemSnapshot.Part(r.value2(), r.value3(), r.value4()));
        return db.selectFrom(GUIDANCE_ITEM)
                .where(GUIDANCE_ITEM.QUESTION_ID.eq(questionId))
                .orderBy(GUIDANCE_ITEM.ID)
                .fetch(item -> item.getWithdrawnAt() != null
                        ? new Thread.SharedItem(
                                item.getId(), item.getKind(), null, null, List.of(), item.getWithdrawnAt())
                        : new Thread.SharedItem(
                                item.getId(),
                                item.getKind(),
                                item.getTitle(),
                                item.getOccurredOn(),
                                parts.getOrDefault(item.getId(), List.of()),
                                null));
    }

    private List<Thread.Message> messages(long questionId, long studentId) {
        return db.selectFrom(GUIDANCE_MESSAGE)
                .where(GUIDANCE_MESSAGE.QUESTION_ID.eq(questionId))
                .orderBy(GUIDANCE_MESSAGE.ID)
                .fetch(m -> new Thread.Message(
                        Thread.MessageKind.valueOf(m.getKind()),
                        m.getAuthorId() != null && m.getAuthorId() == studentId,
                        m.getBody(),
                        m.getCreatedAt()));
    }

    private static Thread.Summary summary(GuidanceQuestionRecord question) {
        return new Thread.Summary(
                question.getId(),
                question.getOwnerId(),
                question.getTeacherId(),
                question.getTitle(),
                QuestionState.valueOf(question.getState()),
                question.getCreatedAt(),
                question.getUpdatedAt());
    }

    private static OffsetDateTime at(Instant now) {
        return now.atOffset(ZoneOffset.UTC);
    }
}
