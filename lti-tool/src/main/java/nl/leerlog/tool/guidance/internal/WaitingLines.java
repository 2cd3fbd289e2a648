package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.GUIDANCE_CONVERSATION;
import static nl.leerlog.schema.Tables.GUIDANCE_MESSAGE;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The questions that wait for their teacher, each since the student's first line after the teacher last wrote (or
 * since it was sent), read in one statement with their lines: the dashboard's rules and the reminders measure the
 * same wait.
 */
final class WaitingLines {

    /** Answer forms that ask for a conversation rather than a written answer. */
    private static final Set<AnswerForm> CONVERSATIONS =
            EnumSet.of(AnswerForm.VIDEO_CALL, AnswerForm.PHONE, AnswerForm.FACE_TO_FACE);

    /** The student's lines that make a question wait for the teacher again. */
    private static final Set<String> STUDENT_ASKS =
            Set.of(Thread.MessageKind.MESSAGE.name(), Thread.MessageKind.CONVERSATION_DECLINED.name());

    /**
     * A question waiting for its teacher; {@code request}: a conversation was asked for and not yet proposed (or
     * another moment was asked for).
     */
    record Waiting(long questionId, long courseId, long studentId, long teacherId, boolean request, Instant since) {}

    private WaitingLines() {}

    /** The waiting questions among {@code questions}, by question id. */
    static List<Waiting> of(DSLContext db, Condition questions) {
        Field<Boolean> anyConversation = DSL.field(DSL.exists(DSL.selectOne()
                .from(GUIDANCE_CONVERSATION)
                .where(GUIDANCE_CONVERSATION.QUESTION_ID.eq(GUIDANCE_QUESTION.ID))));
        Field<Boolean> declined = DSL.field(DSL.exists(DSL.selectOne()
                .from(GUIDANCE_CONVERSATION)
                .where(GUIDANCE_CONVERSATION.QUESTION_ID.eq(GUIDANCE_QUESTION.ID))
                .and(GUIDANCE_CONVERSATION.STATE.eq(ConversationState.DECLINED.name()))));
        Map<Long, Lines> lines = new LinkedHashMap<>();
        for (Record r : db.select(
                        GUIDANCE_QUESTION.ID,
                        GUIDANCE_QUESTION.COURSE_ID,
                        GUIDANCE_QUESTION.OWNER_ID,
                        GUIDANCE_QUESTION.TEACHER_ID,
                        GUIDANCE_QUESTION.CREATED_AT,
                        GUIDANCE_QUESTION.ANSWER_FORM,
                        anyConversation,
                        declined,
                        GUIDANCE_MESSAGE.AUTHOR_ID,
                        GUIDANCE_MESSAGE.KIND,
                        GUIDANCE_MESSAGE.CREATED_AT)
                .from(GUIDANCE_QUESTION)
                .leftJoin(GUIDANCE_MESSAGE)
                .on(GUIDANCE_MESSAGE.QUESTION_ID.eq(GUIDANCE_QUESTION.ID))
                .where(questions)
                .and(GUIDANCE_QUESTION.STATE.eq(QuestionState.WAITING.name()))
                .orderBy(GUIDANCE_QUESTION.ID, GUIDANCE_MESSAGE.ID)
                .fetch()) {
            Lines question = lines.computeIfAbsent(
                    r.get(GUIDANCE_QUESTION.ID),
                    id -> new Lines(
                            id,
                            r.get(GUIDANCE_QUESTION.COURSE_ID),
                            r.get(GUIDANCE_QUESTION.OWNER_ID),
                            r.get(GUIDANCE_QUESTION.TEACHER_ID),
                            r.get(GUIDANCE_QUESTION.CREATED_AT).toInstant(),
                            (CONVERSATIONS.contains(AnswerForm.valueOf(r.get(GUIDANCE_QUESTION.ANSWER_FORM)))
                                            && !Boolean.TRUE.equals(r.get(anyConversation)))
                                    || Boolean.TRUE.equals(r.get(declined))));
            OffsetDateTime at = r.get(GUIDANCE_MESSAGE.CREATED_AT);
            if (at == null) {
                continue;
            }
            Long author = r.get(GUIDANCE_MESSAGE.AUTHOR_ID);
            if (author != null && author.equals(question.teacherId)) {
                question.teacherWrote(at.toInstant());
            } else if (author != null
                    && author.equals(question.studentId)
                    && STUDENT_ASKS.contains(r.get(GUIDANCE_MESSAGE.KIND))) {
                question.studentAsked(at.toInstant());
            }
        }
        return lines.values().stream().map(Lines::waiting).toList();
    }

    /** A waiting question as its lines come in, in order. */
    private static final class Lines {
        final long questionId;
        final long courseId;
        final long studentId;
        final long teacherId;
        final boolean request;
        Instant since;
        Instant teacherLast;

        Lines(long questionId, long courseId, long studentId, long teacherId, Instant sent, boolean request) {
            this.questionId = questionId;
            this.courseId = courseId;
            this.studentId = studentId;
            this.teacherId = teacherId;
            this.request = request;
            this.since = sent;
        }

        void teacherWrote(Instant at) {
            teacherLast = at;
            since = null;
        }

        void studentAsked(Instant at) {
            if (since == null) {
                since = at;
            }
        }

        /** Waiting since the student's first line after the teacher's last; since the teacher's last if none. */
        Waiting waiting() {
            return new Waiting(
                    questionId, courseId, studentId, teacherId, request, since != null ? since : teacherLast);
        }
    }
}
