package nl.leerlog.tool.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.TestDatabases;
import nl.leerlog.tool.guidance.GuidanceEvent;
import nl.leerlog.tool.guidance.GuidanceEvent.ConversationChange;
import nl.leerlog.tool.guidance.ItemSnapshot;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Every change in a thread that its other party hears of is published once, saying who did it and to whom. */
@SpringBootTest
@RecordApplicationEvents
class GuidanceEventsTests {

    static final Instant NOW = Instant.parse("2026-09-07T08:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    DSLContext db;

    @Autowired
    InternshipTeachers links;

    @Autowired
    GuidanceQuestions questions;

    @Autowired
    GuidanceConversations conversations;

    @Autowired
    ApplicationEvents events;

    long course;
    Owner sanne;
    TeacherView bram;

    @BeforeEach
    void anInternOfBram() {
        LearningLogRows rows = new LearningLogRows(db);
        course = rows.course();
        long bramId = rows.member(course, "Bram Bakker", CourseRole.TEACHER);
        long sanneId = rows.member(course, "Sanne de Vries", CourseRole.STUDENT);
        links.link(course, List.of(sanneId), bramId, NOW);
        sanne = LearningLogRows.owner(sanneId, course);
        bram = TeacherView.of(
                new CurrentUser(bramId, "Bram", CourseRole.TEACHER, false, course, "Stage", Locale.ENGLISH));
    }

    @Test
    void aThreadsChangesArePublishedWithWhoMadeThem() {
        long id = questions.ask(
                sanne,
                bram.teacherId(),
                new GuidanceQuestions.NewQuestion("Planning", "Could you help?", AnswerForm.WRITTEN, null),
                List.of(new GuidanceQuestions.NewItem(
                        "moment", 1, new ItemSnapshot("Intake", LocalDate.of(2026, 9, 1), List.of()))),
                NOW);
        long item = questions.sentTo(bram, id).orElseThrow().items().getFirst().id();
        questions.reply(bram, id, "Here is my answer.", NOW.plusSeconds(60));
        questions.reply(sanne, id, "Thanks!", NOW.plusSeconds(120));
        conversations.propose(
                bram,
                id,
                new ProposalForm(LocalDate.of(2026, 9, 10), LocalTime.of(15, 30), 30, AnswerForm.VIDEO_CALL, "x"),
                NOW.plusSeconds(180));
        long conversation = conversations.of(id).getFirst().id();
        conversations.accept(sanne, id, conversation, NOW.plusSeconds(240));
        conversations.cancel(bram, id, conversation, NOW.plusSeconds(300));
        questions.withdraw(sanne, id, item, NOW.plusSeconds(360));

        List<GuidanceEvent> published = events.stream(GuidanceEvent.class).toList();
        assertThat(published)
                .allSatisfy(event -> {
                    assertThat(event.questionId()).isEqualTo(id);
                    assertThat(event.courseId()).isEqualTo(course);
                    assertThat(event.studentId()).isEqualTo(sanne.userId());
                    assertThat(event.teacherId()).isEqualTo(bram.teacherId());
                })
                .extracting(GuidanceEvent::occurrence)
                .doesNotHaveDuplicates();
        assertThat(published).hasSize(7);
        assertThat(published.get(0)).isInstanceOf(GuidanceEvent.QuestionSent.class);
        assertThat(published.get(1))
                .isInstanceOfSatisfying(
                        GuidanceEvent.ReplyWritten.class,
                        reply -> assertThat(reply.byStudent()).isFalse());
        assertThat(published.get(2))
                .isInstanceOfSatisfying(
                        GuidanceEvent.ReplyWritten.class,
                        reply -> assertThat(reply.byStudent()).isTrue());
        assertThat(published.subList(3, 6))
                .extracting(e -> ((GuidanceEvent.ConversationChanged) e).change())
                .containsExactly(ConversationChange.PROPOSED, ConversationChange.AGREED, ConversationChange.CANCELLED);
        assertThat(((GuidanceEvent.ConversationChanged) published.get(3))
                        .startsAt()
                        .toLocalTime())
                .isEqualTo(LocalTime.of(15, 30));
        assertThat(published.get(6))
                .isInstanceOfSatisfying(
                        GuidanceEvent.ItemWithdrawn.class,
                        withdrawn -> assertThat(withdrawn.wholeQuestion()).isFalse());
    }

    @Test
    void aRefusedChangePublishesNothing() {
        long id = questions.ask(
                sanne,
                bram.teacherId(),
                new GuidanceQuestions.NewQuestion("Closed", "Done", AnswerForm.WRITTEN, null),
                List.of(),
                NOW);
        questions.close(sanne, id, NOW.plusSeconds(10));
        long before = events.stream(GuidanceEvent.class).count();

        assertThat(questions.reply(bram, id, "Too late", NOW.plusSeconds(20))).isFalse();

        assertThat(events.stream(GuidanceEvent.class).count()).isEqualTo(before);
    }
}
