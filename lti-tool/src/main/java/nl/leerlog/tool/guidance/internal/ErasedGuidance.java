package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.GUIDANCE_CONVERSATION;
import static nl.leerlog.schema.Tables.GUIDANCE_MESSAGE;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static nl.leerlog.schema.Tables.URGENCY_SNOOZE;

import nl.leerlog.tool.privacy.ErasableRecords;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A student's guidance of a course: their questions with the items, files, messages and conversations in them
 * (which go with the question), anything they wrote elsewhere in the course, and a teacher's snooze of them.
 */
@Component
@Order(60)
record ErasedGuidance(DSLContext db) implements ErasableRecords {

    @Override
    public String kind() {
        return "guidance";
    }

    @Override
    public int eraseStudent(long courseId, long userId) {
        int messages = db.deleteFrom(GUIDANCE_MESSAGE)
                .where(GUIDANCE_MESSAGE.AUTHOR_ID.eq(userId))
                .and(GUIDANCE_MESSAGE.QUESTION_ID.in(db.select(GUIDANCE_QUESTION.ID)
                        .from(GUIDANCE_QUESTION)
                        .where(GUIDANCE_QUESTION.COURSE_ID.eq(courseId))))
                .execute();
        int conversations = db.deleteFrom(GUIDANCE_CONVERSATION)
                .where(GUIDANCE_CONVERSATION.COURSE_ID.eq(courseId), GUIDANCE_CONVERSATION.OWNER_ID.eq(userId))
                .execute();
        int questions = db.deleteFrom(GUIDANCE_QUESTION)
                .where(GUIDANCE_QUESTION.COURSE_ID.eq(courseId), GUIDANCE_QUESTION.OWNER_ID.eq(userId))
                .execute();
        int snoozes = db.deleteFrom(URGENCY_SNOOZE)
                .where(URGENCY_SNOOZE.COURSE_ID.eq(courseId), URGENCY_SNOOZE.STUDENT_ID.eq(userId))
                .execute();
        return messages + conversations + questions + snoozes;
    }
}
