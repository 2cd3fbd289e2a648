package nl.leerlog.tool.guidance;

import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;

import java.util.Locale;
import java.util.Optional;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * A question's title for someone who is told about it later (a notification, a digest): only while they may read
 * the thread ({@link TeacherView} for a teacher, {@link Owner} for the student) and the student has not withdrawn
 * it. Nothing else of a thread leaves guidance this way.
 */
@Repository
public class ThreadTitles {

    /** The state guidance writes for a question the student took back (its {@code QuestionState.WITHDRAWN}). */
    private static final String WITHDRAWN = "WITHDRAWN";

    private final DSLContext db;

    ThreadTitles(DSLContext db) {
        this.db = db;
    }

    /** The title, if the teacher may read the question now. */
    public Optional<String> forTeacher(long courseId, long teacherId, long questionId) {
        TeacherView teacher = TeacherView.of(
                new CurrentUser(teacherId, null, CourseRole.TEACHER, false, courseId, null, Locale.ENGLISH));
        return title(teacher.reads(GUIDANCE_QUESTION), questionId);
    }

    /** The title, if it is the student's own question. */
    public Optional<String> forStudent(long courseId, long studentId, long questionId) {
        Owner owner =
                Owner.of(new CurrentUser(studentId, null, CourseRole.STUDENT, false, courseId, null, Locale.ENGLISH));
        return title(owner.owns(GUIDANCE_QUESTION), questionId);
    }

    private Optional<String> title(Condition reader, long questionId) {
        return db.select(GUIDANCE_QUESTION.TITLE)
                .from(GUIDANCE_QUESTION)
                .where(reader)
                .and(GUIDANCE_QUESTION.ID.eq(questionId))
                .and(GUIDANCE_QUESTION.STATE.ne(WITHDRAWN))
                .fetchOptional(GUIDANCE_QUESTION.TITLE);
    }
}
