package nl.leerlog.tool.identity;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.ENROLMENT;
import static nl.leerlog.schema.Tables.INTERNSHIP_TEACHER;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.leerlog.schema.tables.AppUser;
import nl.leerlog.schema.tables.Enrolment;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which teacher of a course is each student's internship teacher. A coordinator (any teacher of the course) links
 * and unlinks; the link is what lets a teacher see what a student shares with them. Only active enrolments count:
 * a student or teacher who left the course is no longer linked as far as anyone can tell, and a link is made only
 * between an active student and an active teacher of the same course.
 */
@Repository
public class InternshipTeachers {

    private static final Enrolment STUDENT_ENROLMENT = ENROLMENT.as("student_enrolment");
    private static final Enrolment TEACHER_ENROLMENT = ENROLMENT.as("teacher_enrolment");
    private static final AppUser STUDENT = APP_USER.as("student");
    private static final AppUser TEACHER = APP_USER.as("teacher");

    /** Links whose student and teacher are both still active in the course in their role. */
    private static final Table<?> ACTIVE_LINKS = INTERNSHIP_TEACHER
            .join(STUDENT_ENROLMENT)
            .on(linked(STUDENT_ENROLMENT, INTERNSHIP_TEACHER.STUDENT_ID, CourseRole.STUDENT))
            .join(TEACHER_ENROLMENT)
            .on(linked(TEACHER_ENROLMENT, INTERNSHIP_TEACHER.TEACHER_ID, CourseRole.TEACHER));

    private final DSLContext db;

    InternshipTeachers(DSLContext db) {
        this.db = db;
    }

    /** A person as the linking pages show them; {@code name} is null when the platform shares no name. */
    public record Person(long id, String name) {}

    /** An active student of the course and their internship teacher, if linked. */
    public record Intern(Person student, Optional<Person> teacher) {}

    /** A link refused because a student or the teacher is no active member of the course in that role. */
    public static final class NotInCourse extends RuntimeException {
        NotInCourse(String what) {
            super(what);
        }
    }

    /** Every active student of the course with their internship teacher, by name (those without one last). */
    public List<Intern> interns(long courseId) {
        return db.select(STUDENT.ID, STUDENT.DISPLAY_NAME, TEACHER.ID, TEACHER.DISPLAY_NAME)
                .from(STUDENT_ENROLMENT)
                .join(STUDENT)
                .on(STUDENT.ID.eq(STUDENT_ENROLMENT.USER_ID))
                .leftJoin(INTERNSHIP_TEACHER)
                .on(INTERNSHIP_TEACHER.COURSE_ID.eq(STUDENT_ENROLMENT.COURSE_ID))
                .and(INTERNSHIP_TEACHER.STUDENT_ID.eq(STUDENT_ENROLMENT.USER_ID))
                .leftJoin(TEACHER_ENROLMENT)
                .on(linked(TEACHER_ENROLMENT, INTERNSHIP_TEACHER.TEACHER_ID, CourseRole.TEACHER))
                .leftJoin(TEACHER)
                .on(TEACHER.ID.eq(TEACHER_ENROLMENT.USER_ID))
                .where(STUDENT_ENROLMENT.COURSE_ID.eq(courseId), active(STUDENT_ENROLMENT, CourseRole.STUDENT))
                .orderBy(STUDENT.DISPLAY_NAME.asc().nullsLast(), STUDENT.ID)
                .fetch(r -> new Intern(
                        new Person(r.value1(), r.value2()),
                        Optional.ofNullable(r.value3()).map(id -> new Person(id, r.value4()))));
    }

    /** The teacher's own interns: the active students of the course linked to them, by name. */
    public List<Person> internsOf(long courseId, long teacherId) {
        return db.select(STUDENT.ID, STUDENT.DISPLAY_NAME)
                .from(ACTIVE_LINKS)
                .join(STUDENT)
                .on(STUDENT.ID.eq(INTERNSHIP_TEACHER.STUDENT_ID))
                .where(INTERNSHIP_TEACHER.COURSE_ID.eq(courseId), INTERNSHIP_TEACHER.TEACHER_ID.eq(teacherId))
                .orderBy(STUDENT.DISPLAY_NAME.asc().nullsLast(), STUDENT.ID)
                .fetch(r -> new Person(r.value1(), r.value2()));
    }

    /**
     * An active member of the course with what identifies them in a file from the LMS: the login id (when the
     * platform sends it), the e-mail (when shared) and the LMS user id ({@code sub}, also NRPS's {@code user_id}).
     */
    public record Member(long id, String name, CourseRole role, String loginId, String email, String subject) {}

    /** The course's active students and teachers, to find who a line of a linking file names. */
    public List<Member> members(long courseId) {
        return db.select(
                        APP_USER.ID,
                        APP_USER.DISPLAY_NAME,
                        ENROLMENT.COURSE_ROLE,
                        APP_USER.LOGIN_ID,
                        APP_USER.EMAIL,
                        APP_USER.SUBJECT)
                .from(ENROLMENT)
                .join(APP_USER)
                .on(APP_USER.ID.eq(ENROLMENT.USER_ID))
                .where(ENROLMENT.COURSE_ID.eq(courseId), ENROLMENT.ACTIVE.isTrue())
                .and(ENROLMENT.COURSE_ROLE.in(CourseRole.STUDENT.name(), CourseRole.TEACHER.name()))
                .fetch(r -> new Member(
                        r.value1(), r.value2(), CourseRole.valueOf(r.value3()), r.value4(), r.value5(), r.value6()));
    }

    /** The course's active teachers, each of whom may be an internship teacher, by name. */
    public List<Person> teachers(long courseId) {
        return db.select(APP_USER.ID, APP_USER.DISPLAY_NAME)
                .from(ENROLMENT)
                .join(APP_USER)
                .on(APP_USER.ID.eq(ENROLMENT.USER_ID))
                .where(ENROLMENT.COURSE_ID.eq(courseId), active(ENROLMENT, CourseRole.TEACHER))
                .orderBy(APP_USER.DISPLAY_NAME.asc().nullsLast(), APP_USER.ID)
                .fetch(r -> new Person(r.value1(), r.value2()));
    }

    /** The student's internship teacher, while both are active in the course. */
    public Optional<Person> teacherOf(long courseId, long studentId) {
        return db.select(TEACHER.ID, TEACHER.DISPLAY_NAME)
                .from(ACTIVE_LINKS)
                .join(TEACHER)
                .on(TEACHER.ID.eq(INTERNSHIP_TEACHER.TEACHER_ID))
                .where(INTERNSHIP_TEACHER.COURSE_ID.eq(courseId), INTERNSHIP_TEACHER.STUDENT_ID.eq(studentId))
                .fetchOptional(r -> new Person(r.value1(), r.value2()));
    }

    /** The student, when they are this teacher's intern now; nothing for anyone else (see {@link #isInternshipTeacherOf}). */
    public Optional<Person> internOf(long courseId, long teacherId, long studentId) {
        return db.select(STUDENT.ID, STUDENT.DISPLAY_NAME)
                .from(ACTIVE_LINKS)
                .join(STUDENT)
                .on(STUDENT.ID.eq(INTERNSHIP_TEACHER.STUDENT_ID))
                .where(
                        INTERNSHIP_TEACHER.COURSE_ID.eq(courseId),
                        INTERNSHIP_TEACHER.TEACHER_ID.eq(teacherId),
                        INTERNSHIP_TEACHER.STUDENT_ID.eq(studentId))
                .fetchOptional(r -> new Person(r.value1(), r.value2()));
    }

    /**
     * Whether the teacher is the student's internship teacher now: the one fact that lets a teacher see anything
     * a student shares. False for a teacher of another course, a classmate, or anyone who left the course.
     */
    public boolean isInternshipTeacherOf(long courseId, long teacherId, long studentId) {
        return db.fetchExists(db.selectOne()
                .from(ACTIVE_LINKS)
                .where(
                        INTERNSHIP_TEACHER.COURSE_ID.eq(courseId),
                        INTERNSHIP_TEACHER.TEACHER_ID.eq(teacherId),
                        INTERNSHIP_TEACHER.STUDENT_ID.eq(studentId)));
    }

    /**
     * Links the students to the teacher, replacing an earlier teacher of theirs. All or nothing: when one student
     * or the teacher is not active in the course in that role, nothing changes.
     */
    @Transactional
    public void link(long courseId, Collection<Long> studentIds, long teacherId, Instant at) {
        Set<Long> students = Set.copyOf(studentIds);
        if (!isActive(courseId, Set.of(teacherId), CourseRole.TEACHER)) {
            throw new NotInCourse("teacher " + teacherId + " is no active teacher of course " + courseId);
        }
        if (students.isEmpty() || !isActive(courseId, students, CourseRole.STUDENT)) {
            throw new NotInCourse("not all of " + students + " are active students of course " + courseId);
        }
        for (long studentId : students) {
            db.insertInto(INTERNSHIP_TEACHER)
                    .set(INTERNSHIP_TEACHER.COURSE_ID, courseId)
                    .set(INTERNSHIP_TEACHER.STUDENT_ID, studentId)
                    .set(INTERNSHIP_TEACHER.TEACHER_ID, teacherId)
                    .set(INTERNSHIP_TEACHER.LINKED_AT, at.atOffset(ZoneOffset.UTC))
                    .onConflict(INTERNSHIP_TEACHER.COURSE_ID, INTERNSHIP_TEACHER.STUDENT_ID)
                    .doUpdate()
                    .set(INTERNSHIP_TEACHER.TEACHER_ID, teacherId)
                    .set(INTERNSHIP_TEACHER.LINKED_AT, at.atOffset(ZoneOffset.UTC))
                    .execute();
        }
    }

    /**
     * Links each teacher's students to them, all or nothing: when one student or teacher is no longer active in the
     * course in that role, nothing changes. Returns how many of the students had another internship teacher before.
     */
    @Transactional
    public int linkAll(long courseId, Map<Long, ? extends Collection<Long>> studentsByTeacher, Instant at) {
        int moved = 0;
        for (var entry : studentsByTeacher.entrySet()) {
            moved += db.fetchCount(
                    INTERNSHIP_TEACHER,
                    INTERNSHIP_TEACHER.COURSE_ID.eq(courseId),
                    INTERNSHIP_TEACHER.STUDENT_ID.in(entry.getValue()),
                    INTERNSHIP_TEACHER.TEACHER_ID.ne(entry.getKey()));
            link(courseId, entry.getValue(), entry.getKey(), at);
        }
        return moved;
    }

    /** Ends the students' links: their teacher's access ends with this statement. Returns how many were linked. */
    public int unlink(long courseId, Collection<Long> studentIds) {
        return db.deleteFrom(INTERNSHIP_TEACHER)
                .where(INTERNSHIP_TEACHER.COURSE_ID.eq(courseId), INTERNSHIP_TEACHER.STUDENT_ID.in(studentIds))
                .execute();
    }

    private boolean isActive(long courseId, Set<Long> userIds, CourseRole role) {
        return db.fetchCount(
                        ENROLMENT,
                        ENROLMENT.COURSE_ID.eq(courseId),
                        ENROLMENT.USER_ID.in(userIds),
                        active(ENROLMENT, role))
                == userIds.size();
    }

    /** The enrolment of a link's student or teacher, active in the course in that role. */
    private static Condition linked(Enrolment enrolment, Field<Long> person, CourseRole role) {
        return enrolment
                .COURSE_ID
                .eq(INTERNSHIP_TEACHER.COURSE_ID)
                .and(enrolment.USER_ID.eq(person))
                .and(active(enrolment, role));
    }

    private static Condition active(Enrolment enrolment, CourseRole role) {
        return enrolment.ACTIVE.isTrue().and(enrolment.COURSE_ROLE.eq(role.name()));
    }
}
