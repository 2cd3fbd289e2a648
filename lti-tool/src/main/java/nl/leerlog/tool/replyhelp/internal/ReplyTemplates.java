package nl.leerlog.tool.replyhelp.internal;

import static nl.leerlog.schema.Tables.REPLY_SENTENCE_MARK;
import static nl.leerlog.schema.Tables.REPLY_TEMPLATE;
import static nl.leerlog.schema.Tables.REPLY_TEMPLATE_USE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.schema.tables.records.ReplyTemplateRecord;
import nl.leerlog.tool.replyhelp.ReplyHelp.Template;
import nl.leerlog.tool.replyhelp.SpeechAct;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored reply templates of a course, their uses and the teachers' marks of sentences. A teacher reads their own
 * templates and the course-wide ones of the course they launched into, and changes only their own.
 */
@Repository
class ReplyTemplates {

    /** A template as a form edits it. */
    record Content(String title, String body, String language, boolean shared) {}

    private final DSLContext db;

    ReplyTemplates(DSLContext db) {
        this.db = db;
    }

    /** Uses by teachers other than the author, in the same statement as the templates. */
    private static final Field<Integer> COLLEAGUE_USES = DSL.field(DSL.selectCount()
                    .from(REPLY_TEMPLATE_USE)
                    .where(REPLY_TEMPLATE_USE.TEMPLATE_ID.eq(REPLY_TEMPLATE.ID))
                    .and(REPLY_TEMPLATE_USE.TEACHER_ID.ne(REPLY_TEMPLATE.OWNER_ID)))
            .as("colleague_uses");

    private static Condition usableBy(long courseId, long teacherId) {
        return REPLY_TEMPLATE
                .COURSE_ID
                .eq(courseId)
                .and(REPLY_TEMPLATE.OWNER_ID.eq(teacherId).or(REPLY_TEMPLATE.SHARED.isTrue()));
    }

    private static Condition ownedBy(long courseId, long teacherId) {
        return REPLY_TEMPLATE.COURSE_ID.eq(courseId).and(REPLY_TEMPLATE.OWNER_ID.eq(teacherId));
    }

    /** The teacher's own templates and the course-wide ones of colleagues: own first, then by title. */
    List<Template> usableBy(long courseId, long teacherId, int limit) {
        return db.select(REPLY_TEMPLATE.fields())
                .select(COLLEAGUE_USES)
                .from(REPLY_TEMPLATE)
                .where(usableBy(courseId, teacherId))
                .orderBy(
                        DSL.when(REPLY_TEMPLATE.OWNER_ID.eq(teacherId), 0).otherwise(1),
                        REPLY_TEMPLATE.TITLE,
                        REPLY_TEMPLATE.ID)
                .limit(limit)
                .fetch(record -> template(record, teacherId));
    }

    Optional<Template> usable(long courseId, long teacherId, long id) {
        return db.select(REPLY_TEMPLATE.fields())
                .select(COLLEAGUE_USES)
                .from(REPLY_TEMPLATE)
                .where(usableBy(courseId, teacherId))
                .and(REPLY_TEMPLATE.ID.eq(id))
                .fetchOptional(record -> template(record, teacherId));
    }

    /** How many templates the teacher owns in the course: a bound keeps the picker and the page short. */
    int ownedCount(long courseId, long teacherId) {
        return db.fetchCount(REPLY_TEMPLATE, ownedBy(courseId, teacherId));
    }

    long create(long courseId, long teacherId, Content content, Instant now) {
        OffsetDateTime at = at(now);
        return db.insertInto(REPLY_TEMPLATE)
                .set(REPLY_TEMPLATE.COURSE_ID, courseId)
                .set(REPLY_TEMPLATE.OWNER_ID, teacherId)
                .set(REPLY_TEMPLATE.SHARED, content.shared())
                .set(REPLY_TEMPLATE.TITLE, content.title())
                .set(REPLY_TEMPLATE.BODY, content.body())
                .set(REPLY_TEMPLATE.LANGUAGE, content.language())
                .set(REPLY_TEMPLATE.CREATED_AT, at)
                .set(REPLY_TEMPLATE.UPDATED_AT, at)
                .returning(REPLY_TEMPLATE.ID)
                .fetchSingle()
                .getId();
    }

    /** False when the template is not the teacher's own in this course. */
    boolean update(long courseId, long teacherId, long id, Content content, Instant now) {
        return db.update(REPLY_TEMPLATE)
                        .set(REPLY_TEMPLATE.SHARED, content.shared())
                        .set(REPLY_TEMPLATE.TITLE, content.title())
                        .set(REPLY_TEMPLATE.BODY, content.body())
                        .set(REPLY_TEMPLATE.LANGUAGE, content.language())
                        .set(REPLY_TEMPLATE.UPDATED_AT, at(now))
                        .where(ownedBy(courseId, teacherId))
                        .and(REPLY_TEMPLATE.ID.eq(id))
                        .execute()
                == 1;
    }

    /** False when the template is not the teacher's own in this course. */
    boolean delete(long courseId, long teacherId, long id) {
        return db.deleteFrom(REPLY_TEMPLATE)
                        .where(ownedBy(courseId, teacherId))
                        .and(REPLY_TEMPLATE.ID.eq(id))
                        .execute()
                == 1;
    }

    /** Notes a use of a template the teacher may use; nothing for any other. */
    void recordUse(long courseId, long teacherId, long id, Instant now) {
        db.insertInto(
                        REPLY_TEMPLATE_USE,
                        REPLY_TEMPLATE_USE.TEMPLATE_ID,
                        REPLY_TEMPLATE_USE.TEACHER_ID,
                        REPLY_TEMPLATE_USE.USED_AT)
                .select(DSL.select(REPLY_TEMPLATE.ID, DSL.val(teacherId), DSL.val(at(now)))
                        .from(REPLY_TEMPLATE)
                        .where(usableBy(courseId, teacherId))
                        .and(REPLY_TEMPLATE.ID.eq(id)))
                .execute();
    }

    Map<Integer, SpeechAct> marks(long questionId, long messageId) {
        return db.select(REPLY_SENTENCE_MARK.SENTENCE_INDEX, REPLY_SENTENCE_MARK.ACT)
                .from(REPLY_SENTENCE_MARK)
                .where(REPLY_SENTENCE_MARK.QUESTION_ID.eq(questionId))
                .and(REPLY_SENTENCE_MARK.MESSAGE_ID.eq(messageId))
                .fetchMap(r -> r.value1(), r -> SpeechAct.valueOf(r.value2()));
    }

    /** Sets the mark of one sentence, or removes it ({@code act} null). */
    @Transactional
    void mark(long questionId, long messageId, int index, SpeechAct act, long teacherId, Instant now) {
        db.deleteFrom(REPLY_SENTENCE_MARK)
                .where(REPLY_SENTENCE_MARK.QUESTION_ID.eq(questionId))
                .and(REPLY_SENTENCE_MARK.MESSAGE_ID.eq(messageId))
                .and(REPLY_SENTENCE_MARK.SENTENCE_INDEX.eq(index))
                .execute();
        if (act != null) {
            db.insertInto(REPLY_SENTENCE_MARK)
                    .set(REPLY_SENTENCE_MARK.QUESTION_ID, questionId)
                    .set(REPLY_SENTENCE_MARK.MESSAGE_ID, messageId)
                    .set(REPLY_SENTENCE_MARK.SENTENCE_INDEX, index)
                    .set(REPLY_SENTENCE_MARK.ACT, act.name())
                    .set(REPLY_SENTENCE_MARK.MARKED_BY, teacherId)
                    .set(REPLY_SENTENCE_MARK.MARKED_AT, at(now))
                    .execute();
        }
    }

    private static Template template(Record record, long teacherId) {
        ReplyTemplateRecord t = record.into(REPLY_TEMPLATE);
        return new Template(
                Long.toString(t.getId()),
                t.getTitle(),
                t.getBody(),
                t.getLanguage(),
                t.getOwnerId() == teacherId,
                t.getShared(),
                t.getOwnerId(),
                false,
                record.get(COLLEAGUE_USES));
    }

    private static OffsetDateTime at(Instant now) {
        return now.atOffset(ZoneOffset.UTC);
    }
}
