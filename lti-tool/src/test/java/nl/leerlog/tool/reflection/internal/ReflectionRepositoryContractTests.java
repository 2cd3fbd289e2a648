package nl.leerlog.tool.reflection.internal;

import static nl.leerlog.schema.Tables.REFLECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.programme.ReflectionModel;
import nl.leerlog.tool.programme.ReflectionModels;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the reflection repositories store and whom they show it to, on each database Leerlog runs on: the
 * subclasses only choose the datasource. Each test works in courses of its own.
 */
@SpringBootTest
abstract class ReflectionRepositoryContractTests {

    @Autowired
    DSLContext db;

    @Autowired
    Reflections reflections;

    @Autowired
    ReflectionModels models;

    LearningLogRows rows;
    long course;
    Owner owner;
    /** Another student of the same course. */
    Owner classmate;
    /** The same student in another course. */
    Owner elsewhere;

    long korthagen;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void courseWithTwoStudents() {
        rows = new LearningLogRows(db);
        course = rows.course();
        long student = rows.person();
        owner = LearningLogRows.owner(student, course);
        classmate = LearningLogRows.owner(rows.person(), course);
        elsewhere = LearningLogRows.owner(student, rows.course());
        korthagen = rows.builtInModel("korthagen");
    }

    @Test
    void reflectionIsStoredWithAnAnswerPerStepAndItsMoment() {
        long moment = rows.moment(owner, "First team meeting");

        long id = reflections.create(
                owner,
                korthagen,
                moment,
                new ReflectionContent(
                        "Speaking up",
                        false,
                        Map.of("action", "I wanted to speak up.", "looking-back", "I waited too long.")),
                now);

        Reflection stored = reflections.find(owner, id).orElseThrow();
        assertThat(stored.title()).isEqualTo("Speaking up");
        assertThat(stored.modelId()).isEqualTo(korthagen);
        assertThat(stored.draft()).isFalse();
        assertThat(stored.moment()).isEqualTo(new Reflection.MomentLink(moment, "First team meeting"));
        assertThat(stored.answers())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("action", "I wanted to speak up.", "looking-back", "I waited too long."));
        assertThat(stored.createdAt().toInstant()).isEqualTo(now);
    }

    @Test
    void draftKeepsOnlyTheStepsAnswered() {
        long id = reflections.create(
                owner,
                korthagen,
                null,
                new ReflectionContent("Half done", true, Map.of("action", "Started", "trial", "  ")),
                now);

        Reflection stored = reflections.find(owner, id).orElseThrow();
        assertThat(stored.draft()).isTrue();
        assertThat(stored.moment()).as("standalone").isNull();
        assertThat(stored.answers()).containsOnlyKeys("action");
        assertThat(stored.answer("trial")).isEmpty();
    }

    @Test
    void listIsNewestFirstWithModelAndMomentAndWithoutDeletedOnes() {
        long moment = rows.moment(owner, "Parents' evening");
        long older = reflections.create(owner, korthagen, moment, content("Older"), now.minusSeconds(60));
        long newer = reflections.create(owner, rows.builtInModel("starrt"), null, content("Newer"), now);
        long deleted = reflections.create(owner, korthagen, null, content("Deleted"), now.plusSeconds(60));
        reflections.delete(owner, deleted, now.plusSeconds(61));

        assertThat(reflections.list(owner)).extracting(ReflectionSummary::id).containsExactly(newer, older);
        ReflectionSummary first = reflections.list(owner).get(1);
        assertThat(first.moment().title()).isEqualTo("Parents' evening");
        assertThat(first.modelId()).isEqualTo(korthagen);
    }

    @Test
    void updateReplacesTitleDraftStateAndAnswers() {
        long id = reflections.create(
                owner,
                korthagen,
                null,
                new ReflectionContent("Draft", true, Map.of("action", "old", "trial", "old trial")),
                now);

        boolean updated = reflections.update(
                owner, id, new ReflectionContent("Final", false, Map.of("action", "new")), now.plusSeconds(5));

        assertThat(updated).isTrue();
        Reflection stored = reflections.find(owner, id).orElseThrow();
        assertThat(stored.title()).isEqualTo("Final");
        assertThat(stored.draft()).isFalse();
        assertThat(stored.answers()).isEqualTo(Map.of("action", "new"));
        assertThat(stored.updatedAt().toInstant()).isEqualTo(now.plusSeconds(5));
    }

    @Test
    void deleteCanBeUndone() {
        long id = reflections.create(owner, korthagen, null, content("Mine"), now);

        assertThat(reflections.delete(owner, id, now)).isTrue();
        assertThat(reflections.find(owner, id)).isEmpty();
        assertThat(reflections.deletedTitle(owner, id)).contains("Mine");
        assertThat(reflections.delete(owner, id, now)).as("already deleted").isFalse();

        assertThat(reflections.restore(owner, id)).isTrue();
        assertThat(reflections.find(owner, id)).isPresent();
        assertThat(reflections.deletedTitle(owner, id)).isEmpty();
        assertThat(reflections.restore(owner, id)).as("not deleted").isFalse();
    }

    @Test
    void anotherStudentOrTheSameStudentInAnotherCourseCannotReachAReflection() {
        long id = reflections.create(owner, korthagen, null, content("Private"), now);
        reflections.delete(owner, reflections.create(owner, korthagen, null, content("Deleted"), now), now);

        for (Owner stranger : new Owner[] {classmate, elsewhere}) {
            assertThat(reflections.find(stranger, id)).as(stranger.toString()).isEmpty();
            assertThat(reflections.list(stranger)).as(stranger.toString()).isEmpty();
            assertThat(reflections.update(stranger, id, content("Changed"), now))
                    .isFalse();
            assertThat(reflections.delete(stranger, id, now)).isFalse();
            assertThat(reflections.restore(stranger, id)).isFalse();
            assertThat(reflections.deletedTitle(stranger, id)).isEmpty();
        }
        assertThat(reflections.find(owner, id).orElseThrow().title()).isEqualTo("Private");
        assertThat(db.fetchCount(REFLECTION, REFLECTION.DELETED_AT.isNull().and(REFLECTION.ID.eq(id))))
                .isOne();
    }

    @Test
    void aReflectionIsOnlyAboutTheOwnersOwnMomentThatStillExists() {
        long classmatesMoment = rows.moment(classmate, "Not yours");
        long deletedMoment = rows.moment(owner, "Deleted");
        rows.deleteMoment(deletedMoment);

        assertThat(reflections.moment(owner, classmatesMoment)).isEmpty();
        assertThat(reflections.moment(owner, deletedMoment)).isEmpty();
        assertThatThrownBy(() -> reflections.create(owner, korthagen, classmatesMoment, content("Sneaky"), now))
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
        assertThat(reflections.list(owner)).isEmpty();
    }

    @Test
    void aMomentDeletedLaterIsNoLongerLinked() {
        long moment = rows.moment(owner, "Will go");
        long id = reflections.create(owner, korthagen, moment, content("Stays"), now);

        rows.deleteMoment(moment);

        assertThat(reflections.find(owner, id).orElseThrow().moment()).isNull();
        assertThat(reflections.list(owner).getFirst().moment()).isNull();
    }

    @Test
    void courseOffersTheBuiltInModelsAndItsOwnButNotAnotherCourses() {
        long own = rows.customModel(course, "three-questions");
        long othersCourse = rows.course();
        long others = rows.customModel(othersCourse, "three-questions");

        assertThat(models.offeredTo(course, Locale.ENGLISH))
                .extracting(ReflectionModel::key)
                .containsExactly("feedback", "korthagen", "starrt", "gibbs", "abcd", "three-questions");
        assertThat(models.find(course, own, Locale.ENGLISH)).isPresent();
        assertThat(models.find(course, others, Locale.ENGLISH)).isEmpty();
        assertThat(models.find(course, Long.MAX_VALUE, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void aModelIsItsStepsInOrderInTheReadersLanguage() {
        long own = rows.customModel(course, "three-questions");

        ReflectionModel english = models.find(course, own, Locale.ENGLISH).orElseThrow();
        ReflectionModel dutch =
                models.find(course, own, Locale.forLanguageTag("nl-NL")).orElseThrow();

        assertThat(english.name()).isEqualTo("Three questions");
        assertThat(english.builtIn()).isFalse();
        assertThat(english.steps())
                .extracting(ReflectionModel.Step::key)
                .containsExactly("what", "so-what", "now-what");
        assertThat(english.steps())
                .extracting(ReflectionModel.Step::title)
                .containsExactly("What", "So what", "Now what");
        assertThat(english.steps().getFirst().prompt()).isEqualTo("What happened?");
        assertThat(dutch.name()).isEqualTo("Drie vragen");
        assertThat(dutch.steps())
                .extracting(ReflectionModel.Step::prompt)
                .containsExactly("Wat gebeurde er?", "Wat betekent het?", "Wat ga je doen?");
        assertThat(models.find(course, korthagen, Locale.GERMAN).orElseThrow().steps())
                .as("other languages read English")
                .first()
                .extracting(ReflectionModel.Step::title)
                .isEqualTo("Action");
    }

    private static ReflectionContent content(String title) {
        return new ReflectionContent(title, false, Map.of("action", "Something"));
    }
}
