package nl.leerlog.tool.identity;

import static nl.leerlog.schema.Tables.ENROLMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.identity.InternshipTeachers.Intern;
import nl.leerlog.tool.identity.InternshipTeachers.Person;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Who is whose internship teacher, proven on each database Leerlog runs on: the subclasses only choose the
 * datasource. Each test works in courses of its own.
 */
@SpringBootTest
abstract class InternshipTeachersContractTests {

    static final Instant NOW = Instant.parse("2026-09-07T08:00:00Z");

    @Autowired
    DSLContext db;

    @Autowired
    InternshipTeachers teachers;

    long course;
    long otherCourse;
    long bram;
    long ilse;
    long sanne;
    long daan;
    long otherTeacher;

    @BeforeEach
    void aCourseWithTwoTeachersAndTwoStudents() {
        LearningLogRows rows = new LearningLogRows(db);
        course = rows.course();
        otherCourse = rows.course();
        bram = member(course, "Bram Bakker", CourseRole.TEACHER);
        ilse = member(course, "Ilse de Wit", CourseRole.TEACHER);
        sanne = member(course, "Sanne de Vries", CourseRole.STUDENT);
        daan = member(course, "Daan Jansen", CourseRole.STUDENT);
        otherTeacher = member(otherCourse, "Karin Smit", CourseRole.TEACHER);
    }

    @Test
    void everyActiveStudentIsListedUnlinkedUntilACoordinatorLinksThem() {
        assertThat(teachers.interns(course))
                .containsExactly(
                        new Intern(new Person(daan, "Daan Jansen"), Optional.empty()),
                        new Intern(new Person(sanne, "Sanne de Vries"), Optional.empty()));
        assertThat(teachers.teachers(course))
                .containsExactly(new Person(bram, "Bram Bakker"), new Person(ilse, "Ilse de Wit"));
    }

    @Test
    void severalStudentsAreLinkedAtOnceAndEachHasOneTeacher() {
        teachers.link(course, List.of(sanne, daan), bram, NOW);
        teachers.link(course, List.of(daan), ilse, NOW.plusSeconds(60));

        assertThat(teachers.teacherOf(course, sanne)).contains(new Person(bram, "Bram Bakker"));
        assertThat(teachers.teacherOf(course, daan)).contains(new Person(ilse, "Ilse de Wit"));
        assertThat(teachers.isInternshipTeacherOf(course, bram, sanne)).isTrue();
        assertThat(teachers.isInternshipTeacherOf(course, bram, daan)).isFalse();
        assertThat(teachers.interns(course))
                .extracting(intern -> intern.teacher().map(Person::id).orElse(null))
                .containsExactly(ilse, bram);
    }

    @Test
    void unlinkingTakesTheTeachersAccessAwayAtOnce() {
        teachers.link(course, List.of(sanne), bram, NOW);

        assertThat(teachers.unlink(course, List.of(sanne, daan))).isOne();

        assertThat(teachers.isInternshipTeacherOf(course, bram, sanne)).isFalse();
        assertThat(teachers.teacherOf(course, sanne)).isEmpty();
    }

    @Test
    void aStudentOrTeacherWhoLeftTheCourseIsNoLongerLinked() {
        teachers.link(course, List.of(sanne, daan), bram, NOW);

        leave(course, sanne);
        assertThat(teachers.isInternshipTeacherOf(course, bram, sanne)).isFalse();
        assertThat(teachers.interns(course))
                .extracting(intern -> intern.student().id())
                .containsExactly(daan);

        leave(course, bram);
        assertThat(teachers.isInternshipTeacherOf(course, bram, daan)).isFalse();
        assertThat(teachers.teacherOf(course, daan)).isEmpty();
    }

    @Test
    void noLinkCrossesACourseOrARoleAndARefusedLinkChangesNothing() {
        teachers.link(course, List.of(sanne), bram, NOW);

        assertThatThrownBy(() -> teachers.link(course, List.of(daan), otherTeacher, NOW))
                .isInstanceOf(InternshipTeachers.NotInCourse.class);
        assertThatThrownBy(() -> teachers.link(course, List.of(sanne, ilse), ilse, NOW))
                .as("a teacher is no intern")
                .isInstanceOf(InternshipTeachers.NotInCourse.class);
        assertThatThrownBy(() -> teachers.link(course, List.of(daan), sanne, NOW))
                .as("a student is no internship teacher")
                .isInstanceOf(InternshipTeachers.NotInCourse.class);
        assertThatThrownBy(() -> teachers.link(course, List.of(), bram, NOW))
                .isInstanceOf(InternshipTeachers.NotInCourse.class);

        assertThat(teachers.teacherOf(course, sanne)).contains(new Person(bram, "Bram Bakker"));
        assertThat(teachers.teacherOf(course, daan)).isEmpty();
        assertThat(teachers.isInternshipTeacherOf(otherCourse, otherTeacher, sanne))
                .isFalse();
        assertThat(teachers.isInternshipTeacherOf(course, otherTeacher, sanne)).isFalse();
    }

    @Test
    void linkingSeveralTeachersAtOnceCountsWhoMovedAndChangesNothingWhenOneLeft() {
        teachers.link(course, List.of(sanne), bram, NOW);

        assertThat(teachers.linkAll(course, java.util.Map.of(ilse, List.of(sanne), bram, List.of(daan)), NOW))
                .isEqualTo(1);
        assertThat(teachers.internOf(course, ilse, sanne)).contains(new Person(sanne, "Sanne de Vries"));
        assertThat(teachers.internOf(course, bram, sanne)).isEmpty();

        leave(course, daan);
        assertThatThrownBy(() -> teachers.linkAll(
                        course,
                        new java.util.TreeMap<>(java.util.Map.of(bram, List.of(sanne), ilse, List.of(daan))),
                        NOW))
                .isInstanceOf(InternshipTeachers.NotInCourse.class);
        assertThat(teachers.teacherOf(course, sanne)).contains(new Person(ilse, "Ilse de Wit"));
    }

    private long member(long courseId, String name, CourseRole role) {
        return new LearningLogRows(db).member(courseId, name, role);
    }

    private void leave(long courseId, long userId) {
        db.update(ENROLMENT)
                .set(ENROLMENT.ACTIVE, false)
                .where(ENROLMENT.COURSE_ID.eq(courseId), ENROLMENT.USER_ID.eq(userId))
                .execute();
    }
}
