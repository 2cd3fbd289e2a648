package nl.leerlog.tool.internship;

import static nl.leerlog.schema.Tables.INTERNSHIP;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.schema.tables.records.InternshipRecord;
import nl.leerlog.tool.identity.CourseStudents;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.system.Upserts;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/**
 * Students' internship data per course. Not a private record like the learning log: the student enters it and the
 * course's coordinators (teachers) read and correct it. A teacher reaches only active students of their own
 * course; the caller checks that with {@link #activeStudent} before anything else.
 */
@Repository
public class Internships {

    private final DSLContext db;
    private final CourseStudents students;
    private final Clock clock;

    public Internships(DSLContext db, CourseStudents students, Clock clock) {
        this.db = db;
        this.students = students;
        this.clock = clock;
    }

    /** The name of an active student of the course, or nothing when the id is no active student there. */
    public Optional<String> activeStudent(long courseId, long studentId) {
        return students.activeStudentName(courseId, studentId);
    }

    /** A student of the course as the teacher's list shows them: a name and the internship, if entered. */
    public record CourseStudent(long id, String name, InternshipSummary internship) {}

    /**
     * The course's active students by name, each with their internship data and week. Nothing of their learning
     * log: that stays theirs until they share it.
     */
    public List<CourseStudent> studentsOf(long courseId) {
        Map<Long, Internship> internships = db.selectFrom(INTERNSHIP)
                .where(INTERNSHIP.COURSE_ID.eq(courseId))
                .fetchMap(INTERNSHIP.STUDENT_ID, Internships::internship);
        return students.activeStudents(courseId).stream()
                .map(student -> {
                    Internship internship = internships.get(student.id());
                    return new CourseStudent(
                            student.id(),
                            student.name(),
                            internship == null
                                    ? null
                                    : new InternshipSummary(
                                            internship,
                                            InternshipWeek.of(internship.startsOn(), internship.endsOn(), clock)));
                })
                .toList();
    }

    public Optional<Internship> find(long courseId, long studentId) {
        return db.selectFrom(INTERNSHIP)
                .where(INTERNSHIP.COURSE_ID.eq(courseId), INTERNSHIP.STUDENT_ID.eq(studentId))
                .fetchOptional(Internships::internship);
    }

    /** What the learning log shows of the launched student's own internship; nothing until they enter it. */
    public Optional<InternshipSummary> summary(Owner owner) {
        return summary(owner.courseId(), owner.userId());
    }

    /**
     * A student's internship and where in it they are today, e.g. for a teacher's dashboard of the course; the
     * caller has made sure the student is one of the course's (see {@link #activeStudent}).
     */
    public Optional<InternshipSummary> summary(long courseId, long studentId) {
        return find(courseId, studentId)
                .map(internship -> new InternshipSummary(
                        internship, InternshipWeek.of(internship.startsOn(), internship.endsOn(), clock)));
    }

    /** The internships of these students of the course, by student; those who entered none are left out. */
    public Map<Long, InternshipSummary> summaries(long courseId, Collection<Long> studentIds) {
        return db.selectFrom(INTERNSHIP)
                .where(INTERNSHIP.COURSE_ID.eq(courseId), INTERNSHIP.STUDENT_ID.in(studentIds))
                .fetchMap(INTERNSHIP.STUDENT_ID, r -> {
                    Internship internship = internship(r);
                    return new InternshipSummary(
                            internship, InternshipWeek.of(internship.startsOn(), internship.endsOn(), clock));
                });
    }

    /** Stores the whole internship; {@code changedBy} is the student or the coordinator who saved it. */
    public void save(long courseId, long studentId, Internship internship, long changedBy) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // The same columns on insert and on update: one list, so the two cannot drift apart.
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(INTERNSHIP.ORGANISATION, internship.organisation());
        columns.put(INTERNSHIP.SUPERVISOR_NAME, internship.supervisorName());
        columns.put(INTERNSHIP.SUPERVISOR_EMAIL, internship.supervisorEmail());
        columns.put(INTERNSHIP.STARTS_ON, internship.startsOn());
        columns.put(INTERNSHIP.ENDS_ON, internship.endsOn());
        columns.put(INTERNSHIP.ASSIGNMENT, internship.assignment());
        columns.put(INTERNSHIP.UPDATED_AT, now);
        columns.put(INTERNSHIP.UPDATED_BY, changedBy);
        Upserts.upsert(() -> db.insertInto(INTERNSHIP)
                .set(INTERNSHIP.COURSE_ID, courseId)
                .set(INTERNSHIP.STUDENT_ID, studentId)
                .set(columns)
                .onConflict(INTERNSHIP.COURSE_ID, INTERNSHIP.STUDENT_ID)
                .doUpdate()
                .set(columns)
                .execute());
    }

    private static Internship internship(InternshipRecord r) {
        return new Internship(
                r.getOrganisation(),
                r.getSupervisorName(),
                r.getSupervisorEmail(),
                r.getStartsOn(),
                r.getEndsOn(),
                r.getAssignment());
    }
}
