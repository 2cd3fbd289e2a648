package nl.leerlog.tool.guidance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import nl.leerlog.tool.LearningLogRows;
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

/**
 * Guidance questions and conversations as stored, proven on each database Leerlog runs on: the subclasses only
 * choose the datasource. Each test works in a course of its own.
 */
@SpringBootTest
abstract class GuidanceRepositoryContractTests {

    static final Instant NOW = Instant.parse("2026-09-07T08:00:00Z");

    @Autowired
    DSLContext db;

    @Autowired
    InternshipTeachers links;

    @Autowired
    GuidanceQuestions questions;

    @Autowired
    GuidanceConversations conversations;

    long course;
    Owner sanne;
    Owner daan;
    TeacherView bram;
    TeacherView ilse;

    @BeforeEach
    void twoInternsOfBramAndASecondTeacher() {
        LearningLogRows rows = new LearningLogRows(db);
        course = rows.course();
        long bramId = rows.member(course, "Bram Bakker", CourseRole.TEACHER);
        long ilseId = rows.member(course, "Ilse de Wit", CourseRole.TEACHER);
        long sanneId = rows.member(course, "Sanne de Vries", CourseRole.STUDENT);
        long daanId = rows.member(course, "Daan Jansen", CourseRole.STUDENT);
        links.link(course, List.of(sanneId, daanId), bramId, NOW);
        sanne = LearningLogRows.owner(sanneId, course);
        daan = LearningLogRows.owner(daanId, course);
        bram = teacher(bramId);
        ilse = teacher(ilseId);
    }

    @Test
    void aQuestionKeepsItsItemsAsSentAndOnlyTheLinkedTeacherReadsIt() {
        long id = ask(sanne, "Planning my week", NOW, item("Intake with the client"), item("First shift alone"));

        Thread thread = questions.sentTo(bram, id).orElseThrow();

        assertThat(thread.items())
                .extracting(Thread.SharedItem::title)
                .containsExactly("Intake with the client", "First shift alone");
        assertThat(thread.items().getFirst().parts())
                .extracting(ItemSnapshot.Part::body)
                .containsExactly("What happened with Intake with the client");
        assertThat(thread.summary().state()).isEqualTo(QuestionState.WAITING);
        assertThat(questions.sentTo(ilse, id)).isEmpty();
        assertThat(questions.sentBy(ilse, sanne.userId())).isEmpty();
        assertThat(questions.mine(daan, id)).isEmpty();
    }

    @Test
    void theTeachersListComesInPagesTheLatestChangeFirstAndCountsWhatWaits() {
        long first = ask(sanne, "First", NOW);
        long second = ask(daan, "Second", NOW.plusSeconds(60));
        long third = ask(sanne, "Third", NOW.plusSeconds(120));
        questions.reply(bram, first, "Here is my answer.", NOW.plusSeconds(180));

        assertThat(questions.sentTo(bram, 1, 2)).extracting(Thread.Summary::id).containsExactly(first, third, second);
        assertThat(questions.sentTo(bram, 2, 2)).extracting(Thread.Summary::id).containsExactly(second);
        assertThat(questions.waitingPerStudent(bram))
                .containsOnly(java.util.Map.entry(sanne.userId(), 1), java.util.Map.entry(daan.userId(), 1));
        assertThat(questions.sentBy(bram, sanne.userId()))
                .extracting(Thread.Summary::id)
                .containsExactly(first, third);
        assertThat(questions.waitingPerStudent(ilse)).isEmpty();
    }

    @Test
    void aWithdrawnItemLeavesTheTeachersViewAndAWithdrawnQuestionTakesNoReply() {
        long id = ask(sanne, "Two items", NOW, item("Keep this"), item("Take this back"));
        long withdrawn = questions.sentTo(bram, id).orElseThrow().items().get(1).id();

        assertThat(questions.withdraw(sanne, id, withdrawn, NOW.plusSeconds(60)))
                .isTrue();

        Thread.SharedItem gone =
                questions.sentTo(bram, id).orElseThrow().items().get(1);
        assertThat(gone.withdrawn()).isTrue();
        assertThat(gone.parts()).isEmpty();
        assertThat(questions.withdraw(sanne, id, NOW.plusSeconds(120))).isTrue();
        assertThat(questions.reply(bram, id, "Too late", NOW.plusSeconds(180))).isFalse();
        assertThat(questions.state(bram, id)).contains(QuestionState.WITHDRAWN);
    }

    @Test
    void unlinkingEndsTheTeachersAccessAndKeepsTheThreadWithTheStudent() {
        long id = ask(sanne, "Still mine", NOW);

        links.unlink(course, List.of(sanne.userId()));

        assertThat(questions.sentTo(bram, id)).isEmpty();
        assertThat(questions.sentTo(bram, 1, 10)).isEmpty();
        assertThat(questions.mine(sanne, id)).isPresent();
    }

    @Test
    void anAcceptedConversationPlansTheQuestionAndASecondProposalIsRefused() {
        long id = ask(sanne, "Can we talk?", NOW);
        ProposalForm thursday = new ProposalForm(
                LocalDate.of(2026, 9, 10),
                LocalTime.of(15, 30),
                30,
                AnswerForm.VIDEO_CALL,
                "https://meet.example.org/x");

        assertThat(conversations.propose(bram, id, thursday, NOW.plusSeconds(60)))
                .isTrue();
        assertThat(conversations.propose(bram, id, thursday, NOW.plusSeconds(90)))
                .isFalse();
        assertThat(conversations.propose(ilse, id, thursday, NOW.plusSeconds(90)))
                .isFalse();
        long conversation = conversations.of(id).getFirst().id();
        assertThat(conversations.accept(daan, id, conversation, NOW.plusSeconds(100)))
                .isFalse();
        assertThat(conversations.accept(sanne, id, conversation, NOW.plusSeconds(120)))
                .isTrue();

        assertThat(questions.state(sanne, id)).contains(QuestionState.PLANNED);
        assertThat(conversations.of(id))
                .singleElement()
                .satisfies(c -> assertThat(c.agreed()).isTrue());
    }

    private long ask(Owner owner, String title, Instant at, GuidanceQuestions.NewItem... items) {
        return questions.ask(
                owner,
                bram.teacherId(),
                new GuidanceQuestions.NewQuestion(title, "Could you help me?", AnswerForm.WRITTEN, null),
                List.of(items),
                at);
    }

    private static long records = 1_000;

    private static GuidanceQuestions.NewItem item(String title) {
        return new GuidanceQuestions.NewItem(
                "moment",
                records++,
                new ItemSnapshot(
                        title,
                        LocalDate.of(2026, 9, 1),
                        List.of(ItemSnapshot.Part.named("What happened", "What happened with " + title))));
    }

    private TeacherView teacher(long id) {
        return TeacherView.of(
                new CurrentUser(id, "Teacher", CourseRole.TEACHER, false, course, "Stage", Locale.ENGLISH));
    }
}
