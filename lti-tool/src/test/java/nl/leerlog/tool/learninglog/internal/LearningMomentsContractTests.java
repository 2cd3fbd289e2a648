package nl.leerlog.tool.learninglog.internal;

import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceFiles;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceUpload;
import nl.leerlog.tool.learninglog.internal.evidence.ScanStatus;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the learning-moment and evidence repositories store and find, proven on each database Leerlog runs on: the
 * subclasses only choose the datasource. Each test has a course and students of its own.
 */
@SpringBootTest
abstract class LearningMomentsContractTests {

    static final Instant NOW = Instant.parse("2026-03-31T10:00:00Z");

    @Autowired
    DSLContext db;

    @Autowired
    LearningMoments moments;

    @Autowired
    EvidenceFiles evidence;

    @Autowired
    MarkdownText markdown;

    long course;
    long otherCourse;
    Owner owner;
    long practice;
    long meeting;
    long goal;
    long ownGoal;
    long competency;

    @BeforeEach
    void newCourse() {
        course = new LearningLogRows(db).course();
        otherCourse = new LearningLogRows(db).course();
        long student = new LearningLogRows(db).person();
        owner = LearningLogRows.owner(student, course);
        practice = new LearningLogRows(db).category(course, "Practice");
        meeting = new LearningLogRows(db).category(course, "Meeting");
        goal = new LearningLogRows(db).goal(course, null, "Lead a class");
        ownGoal = new LearningLogRows(db).goal(course, student, "Ask for feedback more often");
        competency = new LearningLogRows(db).competency(course, "C1", "Pedagogy");
    }

    MomentContent content(
            LocalDate date,
            String title,
            String body,
            Long category,
            Set<Long> goals,
            Set<Long> competencies,
            boolean draft) {
        return new MomentContent(
                date,
                45,
                title,
                markdown.render(body),
                category,
                goals,
                competencies,
                List.of(new Person("Anna de Vries", "workplace supervisor"), new Person("Piet", null)),
                draft);
    }

    long moment(LocalDate date, String title) {
        return moments.create(owner, content(date, title, "", null, Set.of(), Set.of(), false), NOW);
    }

    List<String> titles(Owner who, MomentFilter filter) {
        return moments.list(who, filter, 50).moments().stream()
                .map(MomentSummary::title)
                .toList();
    }

    static MomentFilter filter(
            LocalDate from, LocalDate to, Long category, Long goal, Long competency, boolean drafts, String search) {
        return new MomentFilter(from, to, category, goal, competency, drafts, search, 1);
    }

    @Test
    void aCreatedMomentIsFoundWithItsTextLinksAndPeople() {
        long id = moments.create(
                owner,
                content(
                        LocalDate.of(2026, 3, 2),
                        "First week",
                        "I *led* the morning circle.",
                        practice,
                        Set.of(goal, ownGoal),
                        Set.of(competency),
                        true),
                NOW);

        MomentDetails found = moments.find(owner, id).orElseThrow();

        assertThat(found.title()).isEqualTo("First week");
        assertThat(found.occurredOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(found.minutesSpent()).isEqualTo(45);
        assertThat(found.bodySource()).isEqualTo("I *led* the morning circle.");
        assertThat(found.bodyHtml()).contains("<em>led</em>");
        assertThat(found.category().label()).isEqualTo("Practice");
        assertThat(found.goalIds()).containsExactlyInAnyOrder(goal, ownGoal);
        assertThat(found.competencies()).extracting(c -> c.code()).containsExactly("C1");
        assertThat(found.people())
                .containsExactly(new Person("Anna de Vries", "workplace supervisor"), new Person("Piet", null));
        assertThat(found.draft()).isTrue();
        assertThat(db.select(LEARNING_MOMENT.SEARCH_TEXT)
                        .from(LEARNING_MOMENT)
                        .where(LEARNING_MOMENT.ID.eq(id))
                        .fetchSingle(LEARNING_MOMENT.SEARCH_TEXT))
                .contains("first week")
                .contains("i led the morning circle");
    }

    @Test
    void editingReplacesTheContentAndTheLinks() {
        long id = moments.create(
                owner,
                content(LocalDate.of(2026, 3, 2), "Draft", "old", practice, Set.of(goal), Set.of(competency), true),
                NOW);

        moments.update(
                owner,
                id,
                new MomentContent(
                        LocalDate.of(2026, 3, 3),
                        null,
                        "Final",
                        markdown.render("new"),
                        meeting,
                        Set.of(ownGoal),
                        Set.of(),
                        List.of(new Person("Jan", "mentor")),
                        false),
                NOW.plusSeconds(60));

        MomentDetails found = moments.find(owner, id).orElseThrow();
        assertThat(found.title()).isEqualTo("Final");
        assertThat(found.minutesSpent()).isNull();
        assertThat(found.category().id()).isEqualTo(meeting);
        assertThat(found.goalIds()).containsExactly(ownGoal);
        assertThat(found.competencies()).isEmpty();
        assertThat(found.people()).containsExactly(new Person("Jan", "mentor"));
        assertThat(found.draft()).isFalse();
        assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void theListIsNewestFirstAPageAtATime() {
        moment(LocalDate.of(2026, 3, 1), "March 1");
        moment(LocalDate.of(2026, 3, 3), "March 3 early");
        moment(LocalDate.of(2026, 3, 3), "March 3 late");
        moment(LocalDate.of(2026, 2, 20), "February");

        MomentPage first = moments.list(owner, MomentFilter.ALL, 3);
        MomentPage second = moments.list(owner, MomentFilter.ALL.withPage(2), 3);

        assertThat(first.moments())
                .extracting(MomentSummary::title)
                .containsExactly("March 3 late", "March 3 early", "March 1");
        assertThat(first.hasMore()).isTrue();
        assertThat(second.moments()).extracting(MomentSummary::title).containsExactly("February");
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void filtersNarrowByPeriodCategoryGoalCompetencyAndDrafts() {
        moments.create(
                owner,
                content(LocalDate.of(2026, 3, 2), "Practice with goal", "", practice, Set.of(goal), Set.of(), false),
                NOW);
        moments.create(
                owner,
                content(
                        LocalDate.of(2026, 3, 10),
                        "Meeting with competency",
                        "",
                        meeting,
                        Set.of(),
                        Set.of(competency),
                        false),
                NOW);
        moments.create(
                owner,
                content(LocalDate.of(2026, 2, 10), "Old draft", "", practice, Set.of(ownGoal), Set.of(), true),
                NOW);

        assertThat(titles(
                        owner,
                        filter(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 5), null, null, null, false, null)))
                .containsExactly("Practice with goal");
        assertThat(titles(owner, filter(null, null, practice, null, null, false, null)))
                .containsExactly("Practice with goal", "Old draft");
        assertThat(titles(owner, filter(null, null, null, goal, null, false, null)))
                .containsExactly("Practice with goal");
        assertThat(titles(owner, filter(null, null, null, ownGoal, null, false, null)))
                .containsExactly("Old draft");
        assertThat(titles(owner, filter(null, null, null, null, competency, false, null)))
                .containsExactly("Meeting with competency");
        assertThat(titles(owner, filter(null, null, null, null, null, true, null)))
                .containsExactly("Old draft");
        assertThat(titles(owner, filter(LocalDate.of(2026, 3, 1), null, practice, goal, null, false, null)))
                .containsExactly("Practice with goal");
    }

    @Test
    void searchFindsEveryWordInTitleOrTextWhateverTheCase() {
        moments.create(
                owner,
                content(
                        LocalDate.of(2026, 3, 2),
                        "Parents' evening",
                        "Talked with **Mrs Jansen** " + "about reading",
                        null,
                        Set.of(),
                        Set.of(),
                        false),
                NOW);
        moments.create(
                owner,
                content(
                        LocalDate.of(2026, 3, 3),
                        "Reading corner",
                        "Set up 100% by myself",
                        null,
                        Set.of(),
                        Set.of(),
                        false),
                NOW);

        assertThat(titles(owner, filter(null, null, null, null, null, false, "READING")))
                .hasSize(2);
        assertThat(titles(owner, filter(null, null, null, null, null, false, "jansen reading")))
                .containsExactly("Parents' evening");
        assertThat(titles(owner, filter(null, null, null, null, null, false, "100%")))
                .containsExactly("Reading corner");
        assertThat(titles(owner, filter(null, null, null, null, null, false, "1_0")))
                .isEmpty();
        assertThat(titles(owner, filter(null, null, null, null, null, false, "nowhere")))
                .isEmpty();
        assertThat(titles(owner, filter(null, null, null, null, null, false, "reading ".repeat(500))))
                .as("a pasted essay of a search")
                .hasSize(2);
    }

    @Test
    void aDeletedMomentLeavesListSearchAndFiltersUntilItIsRestored() {
        long id = moments.create(
                owner,
                content(LocalDate.of(2026, 3, 2), "Mistake", "typo", practice, Set.of(goal), Set.of(), false),
                NOW);

        assertThat(moments.deletedTitle(owner, id)).isEmpty();
        moments.delete(owner, id, NOW);

        assertThat(moments.deletedTitle(owner, id)).contains("Mistake");
        assertThat(moments.find(owner, id)).isEmpty();
        assertThat(titles(owner, MomentFilter.ALL)).isEmpty();
        assertThat(titles(owner, filter(null, null, practice, goal, null, false, "typo")))
                .isEmpty();
        assertThatThrownBy(() -> moments.delete(owner, id, NOW)).satisfies(LearningMomentsContractTests::notFound);

        moments.restore(owner, id);

        assertThat(moments.deletedTitle(owner, id)).isEmpty();
        assertThat(titles(owner, filter(null, null, practice, goal, null, false, "typo")))
                .containsExactly("Mistake");
        assertThatThrownBy(() -> moments.restore(owner, id)).satisfies(LearningMomentsContractTests::notFound);
    }

    @Test
    void anotherStudentOrTheSameStudentInAnotherCourseNeitherSeesNorChangesTheMoment() {
        long id = moments.create(
                owner,
                content(LocalDate.of(2026, 3, 2), "Private", "secret", practice, Set.of(goal), Set.of(), false),
                NOW);
        long evidenceId = evidence.add(owner, id, text("notes.txt", "secret notes"), NOW);
        Owner classmate = LearningLogRows.owner(new LearningLogRows(db).person(), course);
        Owner sameStudentElsewhere = LearningLogRows.owner(owner.userId(), otherCourse);

        for (Owner stranger : List.of(classmate, sameStudentElsewhere)) {
            assertThat(moments.find(stranger, id)).isEmpty();
            assertThat(titles(stranger, MomentFilter.ALL)).isEmpty();
            assertThat(titles(stranger, filter(null, null, null, null, null, false, "secret")))
                    .isEmpty();
            assertThatThrownBy(() -> moments.update(
                            stranger,
                            id,
                            content(LocalDate.of(2026, 3, 2), "Taken", "", null, Set.of(), Set.of(), false),
                            NOW))
                    .satisfies(LearningMomentsContractTests::notFound);
            assertThatThrownBy(() -> moments.delete(stranger, id, NOW))
                    .satisfies(LearningMomentsContractTests::notFound);
            assertThat(evidence.list(stranger, id)).isEmpty();
            assertThat(evidence.download(stranger, id, evidenceId)).isEmpty();
            assertThatThrownBy(() -> evidence.add(stranger, id, text("x.txt", "x"), NOW))
                    .satisfies(LearningMomentsContractTests::notFound);
            assertThatThrownBy(() -> evidence.delete(stranger, id, evidenceId, NOW))
                    .satisfies(LearningMomentsContractTests::notFound);
        }
        moments.delete(owner, id, NOW);
        assertThatThrownBy(() -> moments.restore(classmate, id)).satisfies(LearningMomentsContractTests::notFound);
        moments.restore(owner, id);

        MomentDetails unchanged = moments.find(owner, id).orElseThrow();
        assertThat(unchanged.title()).isEqualTo("Private");
        assertThat(unchanged.evidence()).extracting(e -> e.fileName()).containsExactly("notes.txt");
    }

    @Test
    void linksToAnotherCourseOrAnotherStudentsGoalAreRefusedAndNothingIsSaved() {
        long foreignCategory = new LearningLogRows(db).category(otherCourse, "Elsewhere");
        long foreignCompetency = new LearningLogRows(db).competency(otherCourse, "X1", "Elsewhere");
        long classmatesGoal =
                new LearningLogRows(db).goal(course, new LearningLogRows(db).person(), "Someone else's goal");

        for (MomentContent content : List.of(
                content(LocalDate.of(2026, 3, 2), "A", "", foreignCategory, Set.of(), Set.of(), false),
                content(LocalDate.of(2026, 3, 2), "B", "", null, Set.of(goal, classmatesGoal), Set.of(), false),
                content(LocalDate.of(2026, 3, 2), "C", "", null, Set.of(), Set.of(foreignCompetency), false))) {
            assertThatThrownBy(() -> moments.create(owner, content, NOW))
                    .satisfies(LearningMomentsContractTests::notFound);
        }
        assertThat(db.fetchCount(LEARNING_MOMENT, owner.owns(LEARNING_MOMENT))).isZero();
    }

    @Test
    void evidenceIsKeptCountedDownloadedAndSoftDeleted() {
        long id = moment(LocalDate.of(2026, 3, 2), "With evidence");
        long notes = evidence.add(owner, id, text("notes.txt", "what I saw"), NOW);
        evidence.add(owner, id, text("plan.txt", "lesson plan"), NOW.plusSeconds(1));

        assertThat(moments.list(owner, MomentFilter.ALL, 10)
                        .moments()
                        .getFirst()
                        .evidenceCount())
                .isEqualTo(2);
        assertThat(evidence.download(owner, id, notes).orElseThrow().content())
                .isEqualTo("what I saw".getBytes(StandardCharsets.UTF_8));

        assertThat(evidence.deletedName(owner, id, notes)).isEmpty();
        evidence.delete(owner, id, notes, NOW);

        assertThat(evidence.deletedName(owner, id, notes)).contains("notes.txt");

        assertThat(evidence.download(owner, id, notes)).isEmpty();
        assertThat(evidence.list(owner, id)).extracting(e -> e.fileName()).containsExactly("plan.txt");
        assertThat(moments.list(owner, MomentFilter.ALL, 10)
                        .moments()
                        .getFirst()
                        .evidenceCount())
                .isEqualTo(1);

        evidence.restore(owner, id, notes);

        assertThat(evidence.list(owner, id)).extracting(e -> e.fileName()).containsExactly("notes.txt", "plan.txt");
    }

    static EvidenceUpload text(String name, String content) {
        return new EvidenceUpload(
                name, "text/plain", content.getBytes(StandardCharsets.UTF_8), "0".repeat(64), ScanStatus.SKIPPED);
    }

    static void notFound(Throwable thrown) {
        assertThat(thrown).isInstanceOf(ResponseStatusException.class);
        assertThat(((ResponseStatusException) thrown).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
