package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.GUIDANCE_CONVERSATION;
import static nl.leerlog.schema.Tables.GUIDANCE_ITEM;
import static nl.leerlog.schema.Tables.GUIDANCE_ITEM_FILE;
import static nl.leerlog.schema.Tables.GUIDANCE_ITEM_PART;
import static nl.leerlog.schema.Tables.GUIDANCE_MESSAGE;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.schema.tables.records.GuidanceQuestionRecord;
import nl.leerlog.tool.guidance.GuidanceEvent;
import nl.leerlog.tool.guidance.ItemSnapshot;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guidance questions and their threads. The student reaches their own with an {@link Owner}; a teacher reaches what
 * was sent to them with a {@link TeacherView}, checked in the same statement that reads or writes, so an unlink or a
 * withdrawal that lands first is always respected. Every change the other party hears about is published as a
 * {@link GuidanceEvent} inside its transaction.
 */
@Repository
class GuidanceQuestions {

    private final DSLContext db;
    private final GuidanceConversations conversations;
    private final ApplicationEventPublisher events;

    GuidanceQuestions(DSLContext db, GuidanceConversations conversations, ApplicationEventPublisher events) {
        this.db = db;
        this.conversations = conversations;
        this.events = events;
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
            copy(itemId, item.snapshot());
        }
        events.publishEvent(
                new GuidanceEvent.QuestionSent(id, owner.courseId(), owner.userId(), teacherId, question.title(), now));
        return id;
    }

    /** The parts and files of an item's copy, in their order. */
    private void copy(long itemId, ItemSnapshot snapshot) {
        var parts = snapshot.parts();
        for (int position = 0; position < parts.size(); position++) {
            db.insertInto(GUIDANCE_ITEM_PART)
                    .set(GUIDANCE_ITEM_PART.ITEM_ID, itemId)
                    .set(GUIDANCE_ITEM_PART.POSITION, position)
                    .set(GUIDANCE_ITEM_PART.HEADING_KEY, parts.get(position).headingKey())
                    .set(GUIDANCE_ITEM_PART.HEADING, parts.get(position).heading())
                    .set(GUIDANCE_ITEM_PART.BODY, parts.get(position).body())
                    .execute();
        }
        for (ItemSnapshot.File file : snapshot.files()) {
            db.insertInto(GUIDANCE_ITEM_FILE)
                    .set(GUIDANCE_ITEM_FILE.ITEM_ID, itemId)
                    .set(GUIDANCE_ITEM_FILE.FILE_NAME, file.name())
                    .set(GUIDANCE_ITEM_FILE.CONTENT_TYPE, file.contentType())
                    .set(GUIDANCE_ITEM_FILE.SIZE_BYTES, (long) file.content().length)
                    .set(GUIDANCE_ITEM_FILE.CONTENT, file.content())
                    .execute();
        }
    }

    /** The item's copy without its parts and files, before a new version or a withdrawal. */
    private void clear(long itemId) {
        db.deleteFrom(GUIDANCE_ITEM_PART)
                .where(GUIDANCE_ITEM_PART.ITEM_ID.eq(itemId))
                .execute();
        db.deleteFrom(GUIDANCE_ITEM_FILE)
                .where(GUIDANCE_ITEM_FILE.ITEM_ID.eq(itemId))
                .execute();
    }

    /** Which record an item of the student's own question is a copy of, to send its new version. */
    Optional<Thread.Source> source(Owner owner, long questionId, long itemId) {
        return db.select(GUIDANCE_ITEM.KIND, GUIDANCE_ITEM.RECORD_ID)
                .from(GUIDANCE_ITEM)
                .join(GUIDANCE_QUESTION)
                .on(GUIDANCE_QUESTION.ID.eq(GUIDANCE_ITEM.QUESTION_ID))
                .where(owner.owns(GUIDANCE_QUESTION))
                .and(GUIDANCE_ITEM.ID.eq(itemId))
                .and(GUIDANCE_ITEM.QUESTION_ID.eq(questionId))
                .and(GUIDANCE_ITEM.WITHDRAWN_AT.isNull())
                .fetchOptional(r -> new Thread.Source(r.value1(), r.value2()));
    }

    /**
     * The student sends the record as it is now in place of the copy the teacher reads, and the thread says so. Refused
     * (false) for a withdrawn item, or a question that is not theirs or is closed or withdrawn: the question's row is
     * updated first, so a withdrawal that lands at the same moment wins or waits.
     */
    @Transactional
    boolean renew(Owner owner, long questionId, long itemId, ItemSnapshot snapshot, Instant now) {
        if (!touchOpen(owner.owns(GUIDANCE_QUESTION), questionId, now)) {
            return false;
        }
        int renewed = db.update(GUIDANCE_ITEM)
                .set(GUIDANCE_ITEM.TITLE, snapshot.title())
                .set(GUIDANCE_ITEM.OCCURRED_ON, snapshot.date())
                .set(GUIDANCE_ITEM.SHARED_AT, at(now))
                .set(GUIDANCE_ITEM.VERSION, GUIDANCE_ITEM.VERSION.plus(1))
                .where(GUIDANCE_ITEM.ID.eq(itemId))
                .and(GUIDANCE_ITEM.QUESTION_ID.eq(questionId))
                .and(GUIDANCE_ITEM.WITHDRAWN_AT.isNull())
                .execute();
        if (renewed == 0) {
            return false;
        }
        clear(itemId);
        copy(itemId, snapshot);
        line(questionId, owner.userId(), Thread.MessageKind.NEW_VERSION, snapshot.title(), now);
        return true;
    }

    /** A copied evidence file of an item the reader may still see; a withdrawn item's files are gone. */
    Optional<ItemSnapshot.File> file(Owner owner, long questionId, long itemId, long fileId) {
        return file(owner.owns(GUIDANCE_QUESTION), questionId, itemId, fileId);
    }

    Optional<ItemSnapshot.File> file(TeacherView teacher, long questionId, long itemId, long fileId) {
        return file(teacher.reads(GUIDANCE_QUESTION), questionId, itemId, fileId);
    }

    private Optional<ItemSnapshot.File> file(Condition reader, long questionId, long itemId, long fileId) {
        return db.select(GUIDANCE_ITEM_FILE.FILE_NAME, GUIDANCE_ITEM_FILE.CONTENT_TYPE, GUIDANCE_ITEM_FILE.CONTENT)
                .from(GUIDANCE_ITEM_FILE)
                .join(GUIDANCE_ITEM)
                .on(GUIDANCE_ITEM.ID.eq(GUIDANCE_ITEM_FILE.ITEM_ID))
                .join(GUIDANCE_QUESTION)
                .on(GUIDANCE_QUESTION.ID.eq(GUIDANCE_ITEM.QUESTION_ID))
                .where(reader)
                .and(GUIDANCE_QUESTION.ID.eq(questionId))
                .and(GUIDANCE_ITEM.ID.eq(itemId))
                .and(GUIDANCE_ITEM.WITHDRAWN_AT.isNull())
                .and(GUIDANCE_ITEM_FILE.ID.eq(fileId))
                .fetchOptional(r -> new ItemSnapshot.File(r.value1(), r.value2(), r.value3()));
    }

    /** The student's questions, the latest change first. */
    List<Thread.Summary> mine(Owner owner) {
        return summaries(owner.owns(GUIDANCE_QUESTION));
    }

    /**
     * One page of the questions sent to this teacher, the latest change first: at most {@code pageSize} of them, and
     * one more when a next page exists.
     */
    List<Thread.Summary> sentTo(TeacherView teacher, int page, int pageSize) {
        return db.selectFrom(GUIDANCE_QUESTION)
                .where(teacher.reads(GUIDANCE_QUESTION))
                .orderBy(GUIDANCE_QUESTION.UPDATED_AT.desc(), GUIDANCE_QUESTION.ID.desc())
                .limit(pageSize + 1)
                .offset((long) (page - 1) * pageSize)
                .fetch(GuidanceQuestions::summary);
    }

    /** How many questions wait for this teacher, per intern who sent them; interns without any are left out. */
    Map<Long, Integer> waitingPerStudent(TeacherView teacher) {
        return db.select(GUIDANCE_QUESTION.OWNER_ID, DSL.count())
                .from(GUIDANCE_QUESTION)
                .where(teacher.reads(GUIDANCE_QUESTION))
                .and(GUIDANCE_QUESTION.STATE.eq(QuestionState.WAITING.name()))
                .groupBy(GUIDANCE_QUESTION.OWNER_ID)
                .fetchMap(GUIDANCE_QUESTION.OWNER_ID, DSL.count());
    }

    /** The student who sent a question this teacher may read. */
    Optional<Long> studentOf(TeacherView teacher, long id) {
        return db.select(GUIDANCE_QUESTION.OWNER_ID)
                .from(GUIDANCE_QUESTION)
                .where(teacher.reads(GUIDANCE_QUESTION))
                .and(GUIDANCE_QUESTION.ID.eq(id))
                .fetchOptional(GUIDANCE_QUESTION.OWNER_ID);
    }

    /** An item of the student's that a teacher reads now, in which question, sent to whom, since when. */
    record SharedNow(
            long questionId, String questionTitle, long teacherId, long itemId, String title, OffsetDateTime since) {}

    /** Every item the student shares right now, the newest share first; withdrawn ones are no longer shared. */
    List<SharedNow> sharedNow(Owner owner) {
        return db.select(
                        GUIDANCE_QUESTION.ID,
                        GUIDANCE_QUESTION.TITLE,
                        GUIDANCE_QUESTION.TEACHER_ID,
                        GUIDANCE_ITEM.ID,
                        GUIDANCE_ITEM.TITLE,
                        GUIDANCE_ITEM.SHARED_AT)
                .from(GUIDANCE_ITEM)
                .join(GUIDANCE_QUESTION)
                .on(GUIDANCE_QUESTION.ID.eq(GUIDANCE_ITEM.QUESTION_ID))
                .where(owner.owns(GUIDANCE_QUESTION))
                .and(GUIDANCE_ITEM.WITHDRAWN_AT.isNull())
                .orderBy(GUIDANCE_ITEM.SHARED_AT.desc(), GUIDANCE_ITEM.ID.desc())
                .fetch(r -> new SharedNow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** The questions one of this teacher's interns sent them, the latest change first; none for anyone else. */
    List<Thread.Summary> sentBy(TeacherView teacher, long studentId) {
        return summaries(teacher.reads(GUIDANCE_QUESTION).and(GUIDANCE_QUESTION.OWNER_ID.eq(studentId)));
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
        return write(owner.owns(GUIDANCE_QUESTION), id, owner.userId(), body, QuestionState.WAITING, true, now);
    }

    /** The teacher's reply: the question is answered. False if the teacher may not see it (any more) or it is closed. */
    @Transactional
    boolean reply(TeacherView teacher, long id, String body, Instant now) {
        return write(
                teacher.reads(GUIDANCE_QUESTION), id, teacher.teacherId(), body, QuestionState.ANSWERED, false, now);
    }

    /**
     * The student's report of a conversation held: written in the thread for the teacher, whatever the question's
     * state except withdrawn. False when no agreed conversation has begun yet, or the question is not theirs.
     */
    @Transactional
    boolean report(Owner owner, long id, String body, Instant now) {
        int touched = db.update(GUIDANCE_QUESTION)
                .set(GUIDANCE_QUESTION.UPDATED_AT, at(now))
                .where(owner.owns(GUIDANCE_QUESTION))
                .and(GUIDANCE_QUESTION.ID.eq(id))
                .and(GUIDANCE_QUESTION.STATE.ne(QuestionState.WITHDRAWN.name()))
                .andExists(db.selectOne()
                        .from(GUIDANCE_CONVERSATION)
                        .where(GUIDANCE_CONVERSATION.QUESTION_ID.eq(id))
                        .and(GUIDANCE_CONVERSATION.STATE.eq(ConversationState.AGREED.name()))
                        .and(GUIDANCE_CONVERSATION.STARTS_AT.le(at(now))))
                .execute();
        if (touched == 0) {
            return false;
        }
        line(id, owner.userId(), Thread.MessageKind.CONVERSATION_REPORT, body, now);
        return true;
    }

    /** The student closes their question; nothing more can be written in it. False if not theirs or already over. */
    @Transactional
    boolean close(Owner owner, long id, Instant now) {
        return move(owner.owns(GUIDANCE_QUESTION), id, QuestionState.CLOSED, now);
    }

    /** The student says their question is answered (also when it was answered outside Leerlog); they may still write. */
    @Transactional
    boolean markAnswered(Owner owner, long id, Instant now) {
        return move(owner.owns(GUIDANCE_QUESTION), id, QuestionState.ANSWERED, now);
    }

    /**
     * The student withdraws the whole question, also a closed one: every item still shared is withdrawn as one would
     * be, the messages stay as written, and nothing more can be written in it. False if not theirs or already withdrawn.
     */
    @Transactional
    boolean withdraw(Owner owner, long id, Instant now) {
        int moved = db.update(GUIDANCE_QUESTION)
                .set(GUIDANCE_QUESTION.STATE, QuestionState.WITHDRAWN.name())
                .set(GUIDANCE_QUESTION.UPDATED_AT, at(now))
                .where(owner.owns(GUIDANCE_QUESTION))
                .and(GUIDANCE_QUESTION.ID.eq(id))
                .and(GUIDANCE_QUESTION.STATE.ne(QuestionState.WITHDRAWN.name()))
                .execute();
        if (moved == 0) {
            return false;
        }
        for (long itemId : db.select(GUIDANCE_ITEM.ID)
                .from(GUIDANCE_ITEM)
                .where(GUIDANCE_ITEM.QUESTION_ID.eq(id))
                .and(GUIDANCE_ITEM.WITHDRAWN_AT.isNull())
                .fetch(GUIDANCE_ITEM.ID)) {
            forget(itemId, now);
        }
        conversations.cancelAll(id, now);
        long line = line(id, owner.userId(), Thread.MessageKind.QUESTION_WITHDRAWN, now);
        withdrawn(id, line, true, now);
        return true;
    }

    /** The state of the student's own question, to tell a refused write from a missing thread. */
    Optional<QuestionState> state(Owner owner, long id) {
        return state(owner.owns(GUIDANCE_QUESTION), id);
    }

    /** The state of a question this teacher may still see, to tell a refused write from a missing thread. */
    Optional<QuestionState> state(TeacherView teacher, long id) {
        return state(teacher.reads(GUIDANCE_QUESTION), id);
    }

    /** When the student's question last changed, for the open thread's cheap "anything new since" check. */
    Optional<OffsetDateTime> changedAt(Owner owner, long id) {
        return changedAt(owner.owns(GUIDANCE_QUESTION), id);
    }

    /** When a question this teacher may see last changed; empty once they may not see it any more. */
    Optional<OffsetDateTime> changedAt(TeacherView teacher, long id) {
        return changedAt(teacher.reads(GUIDANCE_QUESTION), id);
    }

    private Optional<QuestionState> state(Condition reader, long id) {
        return db.select(GUIDANCE_QUESTION.STATE)
                .from(GUIDANCE_QUESTION)
                .where(reader)
                .and(GUIDANCE_QUESTION.ID.eq(id))
                .fetchOptional(r -> QuestionState.valueOf(r.value1()));
    }

    private Optional<OffsetDateTime> changedAt(Condition reader, long id) {
        return db.select(GUIDANCE_QUESTION.UPDATED_AT)
                .from(GUIDANCE_QUESTION)
                .where(reader)
                .and(GUIDANCE_QUESTION.ID.eq(id))
                .fetchOptional(GUIDANCE_QUESTION.UPDATED_AT);
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
        forget(itemId, now);
        touch(questionId, now);
        long line = line(questionId, owner.userId(), Thread.MessageKind.WITHDRAWN, now);
        withdrawn(questionId, line, false, now);
        return true;
    }

    private void withdrawn(long questionId, long line, boolean wholeQuestion, Instant now) {
        var question = parties(questionId);
        events.publishEvent(new GuidanceEvent.ItemWithdrawn(
                questionId,
                question.getCourseId(),
                question.getOwnerId(),
                question.getTeacherId(),
                line,
                wholeQuestion,
                now));
    }

    /** Who a question is between, to say so in its events. */
    private GuidanceQuestionRecord parties(long questionId) {
        return db.select(GUIDANCE_QUESTION.COURSE_ID, GUIDANCE_QUESTION.OWNER_ID, GUIDANCE_QUESTION.TEACHER_ID)
                .from(GUIDANCE_QUESTION)
                .where(GUIDANCE_QUESTION.ID.eq(questionId))
                .fetchSingle()
                .into(GUIDANCE_QUESTION);
    }

    /** A withdrawn item keeps its row for the thread's line, but neither its title nor its content. */
    private void forget(long itemId, Instant now) {
        db.update(GUIDANCE_ITEM)
                .set(GUIDANCE_ITEM.TITLE, "")
                .set(GUIDANCE_ITEM.OCCURRED_ON, (java.time.LocalDate) null)
                .set(GUIDANCE_ITEM.WITHDRAWN_AT, at(now))
                .where(GUIDANCE_ITEM.ID.eq(itemId))
                .execute();
        clear(itemId);
    }

    /** A line the tool writes in the thread on the student's behalf (no text of its own). */
    private long line(long questionId, long authorId, Thread.MessageKind kind, Instant now) {
        return line(questionId, authorId, kind, "", now);
    }

    private long line(long questionId, long authorId, Thread.MessageKind kind, String body, Instant now) {
        return db.insertInto(GUIDANCE_MESSAGE)
                .set(GUIDANCE_MESSAGE.QUESTION_ID, questionId)
                .set(GUIDANCE_MESSAGE.AUTHOR_ID, authorId)
                .set(GUIDANCE_MESSAGE.KIND, kind.name())
                .set(GUIDANCE_MESSAGE.BODY, body)
                .set(GUIDANCE_MESSAGE.CREATED_AT, at(now))
                .returningResult(GUIDANCE_MESSAGE.ID)
                .fetchSingle(GUIDANCE_MESSAGE.ID);
    }

    private void touch(long questionId, Instant now) {
        db.update(GUIDANCE_QUESTION)
                .set(GUIDANCE_QUESTION.UPDATED_AT, at(now))
                .where(GUIDANCE_QUESTION.ID.eq(questionId))
                .execute();
    }

    /** Marks an open question the reader may see as changed, under its row's lock; false if it is not open. */
    private boolean touchOpen(Condition reader, long id, Instant now) {
        return updateOpen(reader, id, null, now);
    }

    /**
     * Moves an open question to {@code next} where {@code reader} may see it. The update locks the row, so a close,
     * a withdrawal and a reply on the same question happen one after the other, never half.
     */
    private boolean move(Condition reader, long id, QuestionState next, Instant now) {
        return updateOpen(reader, id, next, now);
    }

    private boolean updateOpen(Condition reader, long id, QuestionState next, Instant now) {
        var update = db.update(GUIDANCE_QUESTION).set(GUIDANCE_QUESTION.UPDATED_AT, at(now));
        if (next != null) {
            update = update.set(GUIDANCE_QUESTION.STATE, next.name());
        }
        return update.where(reader)
                        .and(GUIDANCE_QUESTION.ID.eq(id))
                        .and(GUIDANCE_QUESTION.STATE.notIn(QuestionState.over()))
                        .execute()
                == 1;
    }

    /**
     * Writes a message only where {@code reader} may see an open question: the state moves first, under the row's
     * lock, so a reply racing an unlink, a close or a withdrawal either lands before it or not at all.
     */
    private boolean write(
            Condition reader, long id, long authorId, String body, QuestionState next, boolean byStudent, Instant now) {
        if (!move(reader, id, next, now)) {
            return false;
        }
        long line = line(id, authorId, Thread.MessageKind.MESSAGE, body, now);
        var question = parties(id);
        events.publishEvent(new GuidanceEvent.ReplyWritten(
                id, question.getCourseId(), question.getOwnerId(), question.getTeacherId(), line, byStudent, now));
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
                        messages(id, question.getOwnerId()),
                        conversations.of(id)));
    }

    /** The question's items still shared: what the student withdrew is not read, whoever asks (its copy is gone too). */
    private static Condition sharedNow(long questionId) {
        return GUIDANCE_ITEM.QUESTION_ID.eq(questionId).and(GUIDANCE_ITEM.WITHDRAWN_AT.isNull());
    }

    /** Rows (parts, files) of an item of the question that is still shared. */
    private static Condition ofItemSharedNow(org.jooq.Field<Long> itemId, long questionId) {
        return itemId.in(DSL.select(GUIDANCE_ITEM.ID).from(GUIDANCE_ITEM).where(sharedNow(questionId)));
    }

    private List<Thread.SharedItem> items(long questionId) {
        Map<Long, List<ItemSnapshot.Part>> parts = db.select(
                        GUIDANCE_ITEM_PART.ITEM_ID,
                        GUIDANCE_ITEM_PART.HEADING_KEY,
                        GUIDANCE_ITEM_PART.HEADING,
                        GUIDANCE_ITEM_PART.BODY)
                .from(GUIDANCE_ITEM_PART)
                .where(ofItemSharedNow(GUIDANCE_ITEM_PART.ITEM_ID, questionId))
                .orderBy(GUIDANCE_ITEM_PART.ITEM_ID, GUIDANCE_ITEM_PART.POSITION)
                .fetchGroups(r -> r.value1(), r -> new ItemSnapshot.Part(r.value2(), r.value3(), r.value4()));
        Map<Long, List<Thread.SharedFile>> files = db.select(
                        GUIDANCE_ITEM_FILE.ITEM_ID,
                        GUIDANCE_ITEM_FILE.ID,
                        GUIDANCE_ITEM_FILE.FILE_NAME,
                        GUIDANCE_ITEM_FILE.CONTENT_TYPE,
                        GUIDANCE_ITEM_FILE.SIZE_BYTES)
                .from(GUIDANCE_ITEM_FILE)
                .where(ofItemSharedNow(GUIDANCE_ITEM_FILE.ITEM_ID, questionId))
                .orderBy(GUIDANCE_ITEM_FILE.ITEM_ID, GUIDANCE_ITEM_FILE.ID)
                .fetchGroups(
                        r -> r.value1(), r -> new Thread.SharedFile(r.value2(), r.value3(), r.value4(), r.value5()));
        return db.selectFrom(GUIDANCE_ITEM)
                .where(GUIDANCE_ITEM.QUESTION_ID.eq(questionId))
                .orderBy(GUIDANCE_ITEM.ID)
                .fetch(item -> item.getWithdrawnAt() != null
                        ? new Thread.SharedItem(
                                item.getId(),
                                item.getKind(),
                                null,
                                null,
                                List.of(),
                                List.of(),
                                item.getVersion(),
                                item.getSharedAt(),
                                item.getWithdrawnAt())
                        : new Thread.SharedItem(
                                item.getId(),
                                item.getKind(),
                                item.getTitle(),
                                item.getOccurredOn(),
                                parts.getOrDefault(item.getId(), List.of()),
                                files.getOrDefault(item.getId(), List.of()),
                                item.getVersion(),
                                item.getSharedAt(),
                                null));
    }

    private List<Thread.Message> messages(long questionId, long studentId) {
        return db.selectFrom(GUIDANCE_MESSAGE)
                .where(GUIDANCE_MESSAGE.QUESTION_ID.eq(questionId))
                .orderBy(GUIDANCE_MESSAGE.ID)
                .fetch(m -> new Thread.Message(
                        m.getId(),
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
