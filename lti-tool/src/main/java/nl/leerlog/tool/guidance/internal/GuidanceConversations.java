package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.GUIDANCE_CONVERSATION;
import static nl.leerlog.schema.Tables.GUIDANCE_MESSAGE;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.leerlog.schema.tables.records.GuidanceConversationRecord;
import nl.leerlog.tool.guidance.GuidanceEvent;
import nl.leerlog.tool.guidance.GuidanceEvent.ConversationChange;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations about a guidance question. The teacher proposes through a {@link TeacherView}, the student answers
 * with their {@link Owner}; each change is one conditional update, so two people acting at once never both win.
 * Each change is published as a {@link GuidanceEvent.ConversationChanged} inside its transaction.
 */
@Repository
class GuidanceConversations {

    private static final List<String> ACTIVE =
            List.of(ConversationState.PROPOSED.name(), ConversationState.AGREED.name());

    private final DSLContext db;
    private final ApplicationEventPublisher events;

    GuidanceConversations(DSLContext db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    /** The conversations of a question its reader may already see, the latest first. */
    List<Conversation> of(long questionId) {
        return db.selectFrom(GUIDANCE_CONVERSATION)
                .where(GUIDANCE_CONVERSATION.QUESTION_ID.eq(questionId))
                .orderBy(GUIDANCE_CONVERSATION.ID.desc())
                .fetch(GuidanceConversations::conversation);
    }

    /**
     * The teacher proposes a moment. Refused (false) when they may not see the question, it is over, or a
     * conversation is already proposed or agreed: that one is moved or cancelled first.
     */
    @Transactional
    boolean propose(TeacherView teacher, long questionId, ProposalForm proposal, Instant now) {
        OffsetDateTime at = at(now);
        // Locks the question's row: a withdrawal or a second proposal waits for this one.
        int open = db.update(GUIDANCE_QUESTION)
                .set(GUIDANCE_QUESTION.STATE, QuestionState.ANSWERED.name())
                .set(GUIDANCE_QUESTION.UPDATED_AT, at)
                .where(teacher.reads(GUIDANCE_QUESTION))
                .and(GUIDANCE_QUESTION.ID.eq(questionId))
                .and(GUIDANCE_QUESTION.STATE.notIn(QuestionState.over()))
                .andNotExists(db.selectOne()
                        .from(GUIDANCE_CONVERSATION)
                        .where(GUIDANCE_CONVERSATION.QUESTION_ID.eq(questionId))
                        .and(GUIDANCE_CONVERSATION.STATE.in(ACTIVE)))
                .execute();
        if (open == 0) {
            return false;
        }
        var question = db.selectFrom(GUIDANCE_QUESTION)
                .where(GUIDANCE_QUESTION.ID.eq(questionId))
                .fetchSingle();
        long id = db.insertInto(GUIDANCE_CONVERSATION)
                .set(GUIDANCE_CONVERSATION.QUESTION_ID, questionId)
                .set(GUIDANCE_CONVERSATION.COURSE_ID, question.getCourseId())
                .set(GUIDANCE_CONVERSATION.OWNER_ID, question.getOwnerId())
                .set(GUIDANCE_CONVERSATION.TEACHER_ID, question.getTeacherId())
                .set(GUIDANCE_CONVERSATION.STARTS_AT, startsAt(proposal))
                .set(GUIDANCE_CONVERSATION.MINUTES, proposal.minutes())
                .set(GUIDANCE_CONVERSATION.ANSWER_FORM, proposal.answerForm().name())
                .set(GUIDANCE_CONVERSATION.PLACE, proposal.place().strip())
                .set(GUIDANCE_CONVERSATION.STATE, ConversationState.PROPOSED.name())
                // RFC 5545 §3.8.4.7: globally unique, and never reused for another conversation.
                .set(GUIDANCE_CONVERSATION.UID, UUID.randomUUID() + "@leerlog")
                .set(GUIDANCE_CONVERSATION.CREATED_AT, at)
                .set(GUIDANCE_CONVERSATION.UPDATED_AT, at)
                .returningResult(GUIDANCE_CONVERSATION.ID)
                .fetchSingle(GUIDANCE_CONVERSATION.ID);
        long line = line(questionId, teacher.teacherId(), Thread.MessageKind.CONVERSATION_PROPOSED, "", now);
        changed(questionId, id, line, ConversationChange.PROPOSED, false, now);
        return true;
    }

    /** The student accepts the proposed moment: the question is planned. False when it is not (any more) proposed. */
    @Transactional
    boolean accept(Owner owner, long questionId, long id, Instant now) {
        if (!change(
                owner.owns(GUIDANCE_CONVERSATION),
                questionId,
                id,
                ConversationState.PROPOSED,
                ConversationState.AGREED,
                now)) {
            return false;
        }
        state(questionId, QuestionState.PLANNED, now);
        long line = line(questionId, owner.userId(), Thread.MessageKind.CONVERSATION_AGREED, "", now);
        changed(questionId, id, line, ConversationChange.AGREED, true, now);
        return true;
    }

    /** The student asks for another moment, saying which suits them: the question waits for the teacher again. */
    @Transactional
    boolean decline(Owner owner, long questionId, long id, String note, Instant now) {
        if (!change(
                owner.owns(GUIDANCE_CONVERSATION),
                questionId,
                id,
                ConversationState.PROPOSED,
                ConversationState.DECLINED,
                now)) {
            return false;
        }
        state(questionId, QuestionState.WAITING, now);
        long line = line(questionId, owner.userId(), Thread.MessageKind.CONVERSATION_DECLINED, note, now);
        changed(questionId, id, line, ConversationChange.DECLINED, true, now);
        return true;
    }

    /**
     * The teacher moves a proposed or agreed conversation: its moment, length, form and place change, it stays
     * proposed or agreed, and the invitation's SEQUENCE goes up. False when it is over or the question is.
     */
    @Transactional
    boolean move(TeacherView teacher, long questionId, long id, ProposalForm proposal, Instant now) {
        int moved = db.update(GUIDANCE_CONVERSATION)
                .set(GUIDANCE_CONVERSATION.STARTS_AT, startsAt(proposal))
                .set(GUIDANCE_CONVERSATION.MINUTES, proposal.minutes())
                .set(GUIDANCE_CONVERSATION.ANSWER_FORM, proposal.answerForm().name())
                .set(GUIDANCE_CONVERSATION.PLACE, proposal.place().strip())
                .set(GUIDANCE_CONVERSATION.SEQUENCE, GUIDANCE_CONVERSATION.SEQUENCE.plus(1))
                .set(GUIDANCE_CONVERSATION.UPDATED_AT, at(now))
                .where(teacher.reads(GUIDANCE_CONVERSATION))
                .and(GUIDANCE_CONVERSATION.ID.eq(id))
                .and(GUIDANCE_CONVERSATION.QUESTION_ID.eq(questionId))
                .and(GUIDANCE_CONVERSATION.STATE.in(ACTIVE))
                .andExists(db.selectOne()
                        .from(GUIDANCE_QUESTION)
                        .where(GUIDANCE_QUESTION.ID.eq(questionId))
                        .and(GUIDANCE_QUESTION.STATE.notIn(QuestionState.over())))
                .execute();
        if (moved == 0) {
            return false;
        }
        db.update(GUIDANCE_QUESTION)
                .set(GUIDANCE_QUESTION.UPDATED_AT, at(now))
                .where(GUIDANCE_QUESTION.ID.eq(questionId))
                .execute();
        long line = line(questionId, teacher.teacherId(), Thread.MessageKind.CONVERSATION_MOVED, "", now);
        changed(questionId, id, line, ConversationChange.MOVED, false, now);
        return true;
    }

    /** The teacher cancels a proposed or agreed conversation; the calendar learns it from the invitation. */
    @Transactional
    boolean cancel(TeacherView teacher, long questionId, long id, Instant now) {
        return cancel(teacher.reads(GUIDANCE_CONVERSATION), teacher.teacherId(), false, questionId, id, now);
    }

    /** The student cancels a proposed or agreed conversation. */
    @Transactional
    boolean cancel(Owner owner, long questionId, long id, Instant now) {
        return cancel(owner.owns(GUIDANCE_CONVERSATION), owner.userId(), true, questionId, id, now);
    }

    /** Everything still planned for a question the student withdraws is cancelled with it. */
    void cancelAll(long questionId, Instant now) {
        db.update(GUIDANCE_CONVERSATION)
                .set(GUIDANCE_CONVERSATION.STATE, ConversationState.CANCELLED.name())
                .set(GUIDANCE_CONVERSATION.SEQUENCE, GUIDANCE_CONVERSATION.SEQUENCE.plus(1))
                .set(GUIDANCE_CONVERSATION.UPDATED_AT, at(now))
                .where(GUIDANCE_CONVERSATION.QUESTION_ID.eq(questionId))
                .and(GUIDANCE_CONVERSATION.STATE.in(ACTIVE))
                .execute();
    }

    /** A conversation the student may see, for its invitation. */
    Optional<Conversation> mine(Owner owner, long questionId, long id) {
        return find(owner.owns(GUIDANCE_CONVERSATION), questionId, id);
    }

    /** A conversation this teacher may see now, for its invitation. */
    Optional<Conversation> sentTo(TeacherView teacher, long questionId, long id) {
        return find(teacher.reads(GUIDANCE_CONVERSATION), questionId, id);
    }

    private boolean cancel(Condition reader, long authorId, boolean byStudent, long questionId, long id, Instant now) {
        int cancelled = db.update(GUIDANCE_CONVERSATION)
                .set(GUIDANCE_CONVERSATION.STATE, ConversationState.CANCELLED.name())
                .set(GUIDANCE_CONVERSATION.SEQUENCE, GUIDANCE_CONVERSATION.SEQUENCE.plus(1))
                .set(GUIDANCE_CONVERSATION.UPDATED_AT, at(now))
                .where(reader)
                .and(GUIDANCE_CONVERSATION.ID.eq(id))
                .and(GUIDANCE_CONVERSATION.QUESTION_ID.eq(questionId))
                .and(GUIDANCE_CONVERSATION.STATE.in(ACTIVE))
                .execute();
        if (cancelled == 0) {
            return false;
        }
        state(questionId, QuestionState.WAITING, now);
        long line = line(questionId, authorId, Thread.MessageKind.CONVERSATION_CANCELLED, "", now);
        changed(questionId, id, line, ConversationChange.CANCELLED, byStudent, now);
        return true;
    }

    private boolean change(
            Condition reader, long questionId, long id, ConversationState from, ConversationState to, Instant now) {
        return db.update(GUIDANCE_CONVERSATION)
                        .set(GUIDANCE_CONVERSATION.STATE, to.name())
                        .set(GUIDANCE_CONVERSATION.UPDATED_AT, at(now))
                        .where(reader)
                        .and(GUIDANCE_CONVERSATION.ID.eq(id))
                        .and(GUIDANCE_CONVERSATION.QUESTION_ID.eq(questionId))
                        .and(GUIDANCE_CONVERSATION.STATE.eq(from.name()))
                        .andExists(db.selectOne()
                                .from(GUIDANCE_QUESTION)
                                .where(GUIDANCE_QUESTION.ID.eq(questionId))
                                .and(GUIDANCE_QUESTION.STATE.notIn(QuestionState.over())))
                        .execute()
                == 1;
    }

    /** Moves the question along with its conversation, unless the student closed or withdrew it. */
    private void state(long questionId, QuestionState next, Instant now) {
        db.update(GUIDANCE_QUESTION)
                .set(GUIDANCE_QUESTION.STATE, next.name())
                .set(GUIDANCE_QUESTION.UPDATED_AT, at(now))
                .where(GUIDANCE_QUESTION.ID.eq(questionId))
                .and(GUIDANCE_QUESTION.STATE.notIn(QuestionState.over()))
                .execute();
        // A closed question still tells an open page that something changed.
        db.update(GUIDANCE_QUESTION)
                .set(GUIDANCE_QUESTION.UPDATED_AT, at(now))
                .where(GUIDANCE_QUESTION.ID.eq(questionId))
                .execute();
    }

    private long line(long questionId, long authorId, Thread.MessageKind kind, String body, Instant now) {
        return db.insertInto(GUIDANCE_MESSAGE)
                .set(GUIDANCE_MESSAGE.QUESTION_ID, questionId)
                .set(GUIDANCE_MESSAGE.AUTHOR_ID, authorId)
                .set(GUIDANCE_MESSAGE.KIND, kind.name())
                .set(GUIDANCE_MESSAGE.BODY, body == null ? "" : body)
                .set(GUIDANCE_MESSAGE.CREATED_AT, at(now))
                .returningResult(GUIDANCE_MESSAGE.ID)
                .fetchSingle(GUIDANCE_MESSAGE.ID);
    }

    /** Tells the other party's listeners, with the conversation as it now stands. */
    private void changed(
            long questionId, long id, long line, ConversationChange change, boolean byStudent, Instant now) {
        var latest = db.selectFrom(GUIDANCE_CONVERSATION)
                .where(GUIDANCE_CONVERSATION.ID.eq(id))
                .fetchSingle();
        events.publishEvent(new GuidanceEvent.ConversationChanged(
                questionId,
                latest.getCourseId(),
                latest.getOwnerId(),
                latest.getTeacherId(),
                line,
                id,
                change,
                byStudent,
                latest.getStartsAt().atZoneSameInstant(Conversation.ZONE),
                now));
    }

    private Optional<Conversation> find(Condition reader, long questionId, long id) {
        return db.selectFrom(GUIDANCE_CONVERSATION)
                .where(reader)
                .and(GUIDANCE_CONVERSATION.ID.eq(id))
                .and(GUIDANCE_CONVERSATION.QUESTION_ID.eq(questionId))
                .fetchOptional(GuidanceConversations::conversation);
    }

    private static Conversation conversation(GuidanceConversationRecord row) {
        return new Conversation(
                row.getId(),
                row.getStartsAt().atZoneSameInstant(Conversation.ZONE),
                row.getMinutes(),
                AnswerForm.valueOf(row.getAnswerForm()),
                row.getPlace(),
                ConversationState.valueOf(row.getState()),
                row.getUid(),
                row.getSequence());
    }

    /** The proposed moment as typed, in Amsterdam's time of that day (summer or winter). */
    private static OffsetDateTime startsAt(ProposalForm proposal) {
        return proposal.date().atTime(proposal.time()).atZone(Conversation.ZONE).toOffsetDateTime();
    }

    private static OffsetDateTime at(Instant now) {
        return now.atOffset(ZoneOffset.UTC);
    }
}
