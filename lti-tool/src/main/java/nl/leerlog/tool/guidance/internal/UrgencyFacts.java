package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.GUIDANCE_CONVERSATION;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static nl.leerlog.schema.Tables.URGENCY_SNOOZE;
import static nl.leerlog.schema.Tables.URGENCY_THRESHOLD;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.tool.guidance.internal.Urgency.Facts;
import nl.leerlog.tool.guidance.internal.Urgency.Snooze;
import nl.leerlog.tool.guidance.internal.Urgency.Thresholds;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.InternshipTeachers.Person;
import nl.leerlog.tool.identity.TeacherView;
import nl.leerlog.tool.internship.InternshipSummary;
import nl.leerlog.tool.internship.Internships;
import nl.leerlog.tool.system.Upserts;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the dashboard's rules decide from, for all of a teacher's interns at once: a fixed number of statements
 * however many interns there are, and only what the teacher may see (guidance rows through {@link TeacherView},
 * internship data, the teacher's own snoozes). Nothing is read from the learning log, not even a count or a date.
 */
@Repository
class UrgencyFacts {

    private final DSLContext db;
    private final InternshipTeachers links;
    private final Internships internships;

    UrgencyFacts(DSLContext db, InternshipTeachers links, Internships internships) {
        this.db = db;
        this.links = links;
        this.internships = internships;
    }

    /** Every linked intern of the teacher with their facts, in the order of the links (by name). */
    @Transactional(readOnly = true)
    List<Facts> of(TeacherView teacher) {
        List<Person> interns = links.internsOf(teacher.courseId(), teacher.teacherId());
        Map<Long, InternshipSummary> internshipsById = internships.summaries(
                teacher.courseId(), interns.stream().map(Person::id).toList());
        Map<Long, Instant> lastQuestion = db.select(GUIDANCE_QUESTION.OWNER_ID, DSL.max(GUIDANCE_QUESTION.CREATED_AT))
                .from(GUIDANCE_QUESTION)
                .where(teacher.reads(GUIDANCE_QUESTION))
                .groupBy(GUIDANCE_QUESTION.OWNER_ID)
                .fetchMap(r -> r.value1(), r -> r.value2().toInstant());
        Map<Long, List<Instant>> waiting = new HashMap<>();
        Map<Long, List<Instant>> requests = new HashMap<>();
        waitingQuestions(teacher, waiting, requests);
        Map<Long, List<Instant>> proposals = new HashMap<>();
        db.select(GUIDANCE_CONVERSATION.OWNER_ID, GUIDANCE_CONVERSATION.CREATED_AT)
                .from(GUIDANCE_CONVERSATION)
                .where(teacher.reads(GUIDANCE_CONVERSATION))
                .and(GUIDANCE_CONVERSATION.STATE.eq(ConversationState.PROPOSED.name()))
                .forEach(r -> proposals
                        .computeIfAbsent(r.value1(), id -> new ArrayList<>())
                        .add(r.value2().toInstant()));
        Map<Long, Snooze> snoozes = snoozes(teacher);
        return interns.stream()
                .map(student -> {
                    InternshipSummary internship = internshipsById.get(student.id());
                    return new Facts(
                            student.id(),
                            student.name(),
                            internship == null ? null : internship.internship(),
                            lastQuestion.get(student.id()),
                            waiting.getOrDefault(student.id(), List.of()),
                            requests.getOrDefault(student.id(), List.of()),
                            proposals.getOrDefault(student.id(), List.of()),
                            snoozes.get(student.id()));
                })
                .toList();
    }

    /**
     * The questions waiting for the teacher, each since the student's first line after the teacher last wrote (or
     * since it was sent): a conversation asked for and not yet proposed goes to {@code requests}, the rest to
     * {@code waiting}.
     */
    private void waitingQuestions(
            TeacherView teacher, Map<Long, List<Instant>> waiting, Map<Long, List<Instant>> requests) {
        WaitingLines.of(db, teacher.reads(GUIDANCE_QUESTION))
                .forEach(question -> (question.request() ? requests : waiting)
                        .computeIfAbsent(question.studentId(), id -> new ArrayList<>())
                        .add(question.since()));
    }

    /** The course's thresholds, or the defaults when no coordinator set them. */
    Thresholds thresholds(long courseId) {
        return db.select(URGENCY_THRESHOLD.NEVER_ASKED_WEEKS, URGENCY_THRESHOLD.SILENT_WEEKS)
                .from(URGENCY_THRESHOLD)
                .where(URGENCY_THRESHOLD.COURSE_ID.eq(courseId))
                .fetchOptional(r -> new Thresholds(r.value1(), r.value2()))
                .orElse(Thresholds.DEFAULT);
    }

    void saveThresholds(long courseId, Thresholds thresholds, long coordinatorId, Instant now) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(URGENCY_THRESHOLD.NEVER_ASKED_WEEKS, thresholds.neverAskedWeeks());
        columns.put(URGENCY_THRESHOLD.SILENT_WEEKS, thresholds.silentWeeks());
        columns.put(URGENCY_THRESHOLD.UPDATED_BY, coordinatorId);
        columns.put(URGENCY_THRESHOLD.UPDATED_AT, now.atOffset(ZoneOffset.UTC));
        Upserts.upsert(() -> db.insertInto(URGENCY_THRESHOLD)
                .set(URGENCY_THRESHOLD.COURSE_ID, courseId)
                .set(columns)
                .onConflict(URGENCY_THRESHOLD.COURSE_ID)
                .doUpdate()
                .set(columns)
                .execute());
    }

    /** The teacher's own snoozes in the course; one that ran out stays stored but no longer counts. */
    private Map<Long, Snooze> snoozes(TeacherView teacher) {
        return db.select(URGENCY_SNOOZE.STUDENT_ID, URGENCY_SNOOZE.UNTIL, URGENCY_SNOOZE.NOTE)
                .from(URGENCY_SNOOZE)
                .where(URGENCY_SNOOZE.COURSE_ID.eq(teacher.courseId()))
                .and(URGENCY_SNOOZE.TEACHER_ID.eq(teacher.teacherId()))
                .fetchMap(r -> r.value1(), r -> new Snooze(r.value2(), r.value3()));
    }

    /** The teacher's snooze of one intern, also one that ran out (the page tells it is over). */
    Optional<Snooze> snoozeOf(TeacherView teacher, long studentId) {
        return db.select(URGENCY_SNOOZE.UNTIL, URGENCY_SNOOZE.NOTE)
                .from(URGENCY_SNOOZE)
                .where(URGENCY_SNOOZE.COURSE_ID.eq(teacher.courseId()))
                .and(URGENCY_SNOOZE.TEACHER_ID.eq(teacher.teacherId()))
                .and(URGENCY_SNOOZE.STUDENT_ID.eq(studentId))
                .fetchOptional(r -> new Snooze(r.value1(), r.value2()));
    }

    void snooze(TeacherView teacher, long studentId, LocalDate until, String note, Instant now) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(URGENCY_SNOOZE.UNTIL, until);
        columns.put(URGENCY_SNOOZE.NOTE, note);
        columns.put(URGENCY_SNOOZE.CREATED_AT, now.atOffset(ZoneOffset.UTC));
        // A double-clicked Snooze: H2's MERGE is not atomic, so the second first insert is tried once more.
        Upserts.upsert(() -> db.insertInto(URGENCY_SNOOZE)
                .set(URGENCY_SNOOZE.COURSE_ID, teacher.courseId())
                .set(URGENCY_SNOOZE.TEACHER_ID, teacher.teacherId())
                .set(URGENCY_SNOOZE.STUDENT_ID, studentId)
                .set(columns)
                .onConflict(URGENCY_SNOOZE.COURSE_ID, URGENCY_SNOOZE.TEACHER_ID, URGENCY_SNOOZE.STUDENT_ID)
                .doUpdate()
                .set(columns)
                .execute());
    }

    void unsnooze(TeacherView teacher, long studentId) {
        db.deleteFrom(URGENCY_SNOOZE)
                .where(URGENCY_SNOOZE.COURSE_ID.eq(teacher.courseId()))
                .and(URGENCY_SNOOZE.TEACHER_ID.eq(teacher.teacherId()))
                .and(URGENCY_SNOOZE.STUDENT_ID.eq(studentId))
                .execute();
    }
}
