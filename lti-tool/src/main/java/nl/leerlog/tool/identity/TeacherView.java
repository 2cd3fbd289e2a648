package nl.leerlog.tool.identity;

import static nl.leerlog.schema.Tables.ENROLMENT;
import static nl.leerlog.schema.Tables.INTERNSHIP_TEACHER;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The one place that decides what a teacher may read of what students shared, next to {@link Owner} for the
 * student's own records: rows a student of the teacher's course sent to this teacher, while that student is still
 * linked to them as their internship teacher and still an active student of the course (the roster drops those who
 * left). Unlinking or leaving takes the access away at once; another teacher of the course,
 * a teacher of another course and every student get "not found". Only launched teachers get a {@code TeacherView}.
 *
 * <p>A table readable this way carries {@code course_id}, {@code owner_id} (the student) and {@code teacher_id} (to
 * whom it was sent); what within such a row is withdrawn is left out by the feature that owns the table.
 */
public final class TeacherView {

    private final long teacherId;
    private final long courseId;

    private TeacherView(long teacherId, long courseId) {
        this.teacherId = teacherId;
        this.courseId = courseId;
    }

    /** The view of the launched teacher; anyone else gets a 404. */
    public static TeacherView of(CurrentUser user) {
        if (user == null || user.role() != CourseRole.TEACHER) {
            throw Owner.notFound();
        }
        return new TeacherView(user.userId(), user.courseId());
    }

    public long teacherId() {
        return teacherId;
    }

    public long courseId() {
        return courseId;
    }

    /** The rows of a shared table that this teacher may read now. */
    public Condition reads(Table<?> table) {
        Field<Long> course = column(table, "course_id");
        Field<Long> owner = column(table, "owner_id");
        return course.eq(courseId)
                .and(column(table, "teacher_id").eq(teacherId))
                .andExists(DSL.selectOne()
                        .from(INTERNSHIP_TEACHER)
                        .where(INTERNSHIP_TEACHER.COURSE_ID.eq(course))
                        .and(INTERNSHIP_TEACHER.STUDENT_ID.eq(owner))
                        .and(INTERNSHIP_TEACHER.TEACHER_ID.eq(teacherId)))
                .andExists(DSL.selectOne()
                        .from(ENROLMENT)
                        .where(ENROLMENT.COURSE_ID.eq(course))
                        .and(ENROLMENT.USER_ID.eq(owner))
                        .and(ENROLMENT.ACTIVE.isTrue())
                        .and(ENROLMENT.COURSE_ROLE.eq(CourseRole.STUDENT.name())));
    }

    private static Field<Long> column(Table<?> table, String name) {
        Field<Long> field = table.field(name, Long.class);
        if (field == null) {
            throw new IllegalArgumentException(table.getName() + " is not a shared table: it has no " + name);
        }
        return field;
    }

    @Override
    public String toString() {
        return "TeacherView[teacher " + teacherId + " in course " + courseId + "]";
    }
}
