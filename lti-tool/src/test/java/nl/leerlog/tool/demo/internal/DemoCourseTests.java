package nl.leerlog.tool.demo.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.CAFE_CHANNEL;
import static nl.leerlog.schema.Tables.CAFE_GROUP;
import static nl.leerlog.schema.Tables.CAFE_MEETING;
import static nl.leerlog.schema.Tables.CAFE_MEMBER;
import static nl.leerlog.schema.Tables.CAFE_MESSAGE;
import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.GUIDANCE_CONVERSATION;
import static nl.leerlog.schema.Tables.GUIDANCE_ITEM;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static nl.leerlog.schema.Tables.PRIVACY_READ;
import static nl.leerlog.schema.Tables.REFLECTION;
import static nl.leerlog.schema.Tables.SUPERVISOR_LINK;
import static nl.leerlog.schema.Tables.SUPERVISOR_LINK_ITEM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import nl.leerlog.tool.TestDatabases;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.internship.Internships;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo course a newcomer finds when the dev profile starts: four interns over two internship teachers, each
 * with internship data, a log of some weeks, a reflection and a thread in a state of its own.
 */
@SpringBootTest(properties = {"leerlog.demo.enabled=true", "leerlog.demo.sample-course=true"})
class DemoCourseTests {

    /** A database of its own: the demo course it fills would otherwise be the demo course of every other test. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    DSLContext db;

    @Autowired
    InternshipTeachers links;

    @Autowired
    Internships internships;

    @Autowired
    DemoCourse demoCourse;

    @Test
    void theInternsAreSharedOverTwoTeachersWithTheirInternshipData() {
        long course = course();

        Map<String, String> teacherOf = links.interns(course).stream()
                .collect(Collectors.toMap(
                        intern -> intern.student().name(),
                        intern -> intern.teacher().orElseThrow().name()));

        assertThat(teacherOf)
                .containsOnly(
                        Map.entry("Sanne de Vries", "Ahmed Yilmaz"),
                        Map.entry("Noah Smith", "Ahmed Yilmaz"),
                        Map.entry("Daan Bakker", "Ahmed Yilmaz"),
                        Map.entry("Lotte Mulder", "Marieke Visser"));
        assertThat(internships.studentsOf(course))
                .allSatisfy(student ->
                        assertThat(student.internship().week().running()).isTrue());
    }

    @Test
    void everyInternHasWeeksOfMomentsAReflectionAndAThread() {
        long course = course();

        assertThat(db
                        .select(LEARNING_MOMENT.OWNER_ID)
                        .from(LEARNING_MOMENT)
                        .where(LEARNING_MOMENT.COURSE_ID.eq(course))
                        .fetch(LEARNING_MOMENT.OWNER_ID)
                        .stream()
                        .collect(Collectors.groupingBy(id -> id, Collectors.counting())))
                .hasSize(4)
                .allSatisfy((owner, count) -> assertThat(count).isGreaterThanOrEqualTo(2));
        assertThat(db.fetchCount(REFLECTION, REFLECTION.COURSE_ID.eq(course))).isEqualTo(4);
        Map<String, String> states = db.select(APP_USER.DISPLAY_NAME, GUIDANCE_QUESTION.STATE)
                .from(GUIDANCE_QUESTION)
                .join(APP_USER)
                .on(APP_USER.ID.eq(GUIDANCE_QUESTION.OWNER_ID))
                .where(GUIDANCE_QUESTION.COURSE_ID.eq(course))
                .fetchMap(APP_USER.DISPLAY_NAME, GUIDANCE_QUESTION.STATE);
        assertThat(states)
                .containsOnly(
                        Map.entry("Sanne de Vries", "PLANNED"),
                        Map.entry("Noah Smith", "WAITING"),
                        Map.entry("Daan Bakker", "WAITING"),
                        Map.entry("Lotte Mulder", "ANSWERED"));
        assertThat(db.fetchCount(GUIDANCE_CONVERSATION, GUIDANCE_CONVERSATION.STATE.eq("AGREED")))
                .isEqualTo(1);
        assertThat(db.fetchCount(GUIDANCE_ITEM)).isEqualTo(3 + 2 + 1 + 1);
        assertThat(db.select(GUIDANCE_ITEM.TITLE).from(GUIDANCE_ITEM).fetch(GUIDANCE_ITEM.TITLE))
                .noneMatch(title -> title.toLowerCase().contains("test"));
    }

    @Test
    void theInternsShareACafeGroupWithTalkAPrivateWordWithTheirCoachAndAWeeklyMeeting() {
        long course = course();
        assertThat(db.fetchCount(CAFE_GROUP, CAFE_GROUP.COURSE_ID.eq(course))).isEqualTo(1);
        assertThat(db.fetchCount(CAFE_MEMBER)).isEqualTo(4);
        assertThat(db.fetchCount(CAFE_CHANNEL, CAFE_CHANNEL.KIND.eq("PRIVATE"))).isEqualTo(1);
        assertThat(db.fetchCount(CAFE_MESSAGE)).isEqualTo(7);
        assertThat(db.select(CAFE_MEETING.LINK).from(CAFE_MEETING).fetch(CAFE_MEETING.LINK))
                .singleElement()
                .satisfies(link -> assertThat(link).startsWith("https://"));
    }

    @Test
    void theFirstInternSharedTwoMomentsWithTheirWorkplaceSupervisorWhoReadAndAnswered() {
        long course = course();

        var link = db.selectFrom(SUPERVISOR_LINK)
                .where(SUPERVISOR_LINK.COURSE_ID.eq(course))
                .fetchSingle();
        assertThat(db.fetchCount(SUPERVISOR_LINK_ITEM, SUPERVISOR_LINK_ITEM.LINK_ID.eq(link.getId())))
                .isEqualTo(2);
        assertThat(link.getAnsweredBy()).isEqualTo(link.getSupervisorName()).isNotBlank();
        assertThat(link.getRevokedAt()).isNull();
        assertThat(db.fetchCount(
                        LEARNING_MOMENT,
                        LEARNING_MOMENT
                                .OWNER_ID
                                .eq(link.getOwnerId())
                                .and(LEARNING_MOMENT.FROM_SUPERVISOR.eq(link.getSupervisorName()))))
                .isEqualTo(1);
        assertThat(db.fetchCount(
                        PRIVACY_READ,
                        PRIVACY_READ.OWNER_ID.eq(link.getOwnerId()).and(PRIVACY_READ.READER_KIND.eq("SUPERVISOR"))))
                .isEqualTo(2);
    }

    @Test
    void aSecondStartAddsNothing() {
        int moments = db.fetchCount(LEARNING_MOMENT);
        int questions = db.fetchCount(GUIDANCE_QUESTION);
        int cafeMessages = db.fetchCount(CAFE_MESSAGE);

        demoCourse.fill();

        assertThat(db.fetchCount(LEARNING_MOMENT)).isEqualTo(moments);
        assertThat(db.fetchCount(GUIDANCE_QUESTION)).isEqualTo(questions);
        assertThat(db.fetchCount(CAFE_MESSAGE)).isEqualTo(cafeMessages);
    }

    private long course() {
        return db.select(COURSE.ID)
                .from(COURSE)
                .where(COURSE.CONTEXT_ID.eq("demo-course-stage"))
                .fetchSingle(COURSE.ID);
    }
}
