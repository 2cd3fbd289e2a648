package nl.leerlog.tool.saved.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.reflection.internal.ReflectionContent;
import nl.leerlog.tool.reflection.internal.Reflections;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the Saved timeline keeps and whom it shows it to, on each database Leerlog runs on: the subclasses only
 * choose the datasource. Each test works in courses of its own.
 */
@SpringBootTest
abstract class SavedItemsContractTests {

    @Autowired
    DSLContext db;

    @Autowired
    SavedItems saved;

    @Autowired
    Reflections reflections;

    LearningLogRows rows;
    Owner owner;
    Owner classmate;
    Owner elsewhere;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void courseWithTwoStudents() {
        rows = new LearningLogRows(db);
        long course = rows.course();
        long student = rows.person();
        owner = LearningLogRows.owner(student, course);
        classmate = LearningLogRows.owner(rows.person(), course);
        elsewhere = LearningLogRows.owner(student, rows.course());
    }

    @Test
    void onlyTheOwnersOwnMomentsAndReflectionsHaveATitleToSave() {
        long moment = rows.moment(owner, "Team meeting");
        long reflection = reflection(owner, "On the meeting");
        long deletedMoment = rows.moment(owner, "Gone");
        rows.deleteMoment(deletedMoment);

        assertThat(saved.ownRecordTitle(owner, ItemType.MOMENT, ref(moment))).contains("Team meeting");
        assertThat(saved.ownRecordTitle(owner, ItemType.REFLECTION, ref(reflection)))
                .contains("On the meeting");
        assertThat(saved.ownRecordTitle(owner, ItemType.MOMENT, ref(deletedMoment)))
                .isEmpty();
        assertThat(saved.ownRecordTitle(owner, ItemType.REFLECTION, ref(Long.MAX_VALUE)))
                .as("no such id")
                .isEmpty();
        assertThat(saved.ownRecordTitle(owner, ItemType.MOMENT, "not-a-number")).isEmpty();
        assertThat(saved.ownRecordTitle(classmate, ItemType.MOMENT, ref(moment)))
                .isEmpty();
        assertThat(saved.ownRecordTitle(elsewhere, ItemType.REFLECTION, ref(reflection)))
                .isEmpty();
    }

    @Test
    void timelineIsNewestFirstWithNotesAndTipsAsGiven() {
        long moment = rows.moment(owner, "Team meeting");
        long first =
                saved.save(owner, ItemType.MOMENT, ref(moment), "Team meeting", "Good start", now.minusSeconds(60));
        long second = saved.save(owner, ItemType.TIP, "tip-42", "Plan your week", null, now);

        assertThat(saved.list(owner)).extracting(SavedItem::id).containsExactly(second, first);
        assertThat(saved.list(owner).get(0))
                .isEqualTo(new SavedItem(
                        second,
                        ItemType.TIP,
                        "tip-42",
                        "Plan your week",
                        null,
                        saved.list(owner).get(0).savedAt(),
                        false));
        assertThat(saved.list(owner).get(1).note()).isEqualTo("Good start");
        assertThat(saved.list(owner).get(1).savedAt().toInstant()).isEqualTo(now.minusSeconds(60));
    }

    @Test
    void savingTwiceKeepsOneEntryAndUpdatesTheNoteOnlyWhenOneIsGiven() {
        long reflection = reflection(owner, "Speaking up");
        long id = saved.save(owner, ItemType.REFLECTION, ref(reflection), "Speaking up", "First note", now);

        long again = saved.save(owner, ItemType.REFLECTION, ref(reflection), "Speaking up", null, now.plusSeconds(5));
        assertThat(again).isEqualTo(id);
        assertThat(saved.list(owner))
                .singleElement()
                .extracting(SavedItem::note)
                .isEqualTo("First note");

        saved.save(owner, ItemType.REFLECTION, ref(reflection), "Speaking up", "Second note", now.plusSeconds(9));
        assertThat(saved.list(owner)).singleElement().satisfies(item -> {
            assertThat(item.note()).isEqualTo("Second note");
            assertThat(item.savedAt().toInstant()).as("keeps its place").isEqualTo(now);
        });
    }

    @Test
    void aDeletedMomentOrReflectionStaysWithItsTitleAsGone() {
        long moment = rows.moment(owner, "Will go");
        long reflection = reflection(owner, "Will go too");
        saved.save(owner, ItemType.MOMENT, ref(moment), "Will go", null, now);
        saved.save(owner, ItemType.REFLECTION, ref(reflection), "Will go too", null, now.plusSeconds(1));

        rows.deleteMoment(moment);
        reflections.delete(owner, reflection, now);

        assertThat(saved.list(owner))
                .extracting(SavedItem::title, SavedItem::gone)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Will go too", true),
                        org.assertj.core.groups.Tuple.tuple("Will go", true));
    }

    @Test
    void aSavedItemShowsTheCurrentTitleOfItsReflection() {
        long reflection = reflection(owner, "Old title");
        saved.save(owner, ItemType.REFLECTION, ref(reflection), "Old title", null, now);

        reflections.update(owner, reflection, new ReflectionContent("New title", false, Map.of()), now);

        assertThat(saved.list(owner))
                .singleElement()
                .extracting(SavedItem::title)
                .isEqualTo("New title");
    }

    @Test
    void noteCanBeChangedAndCleared() {
        long id = saved.save(owner, ItemType.CHART, "activity", "Activity per week", "note", now);

        assertThat(saved.updateNote(owner, id, "better note")).isTrue();
        assertThat(saved.list(owner).getFirst().note()).isEqualTo("better note");
        assertThat(saved.updateNote(owner, id, null)).isTrue();
        assertThat(saved.list(owner).getFirst().note()).isNull();
    }

    @Test
    void removingCanBeUndoneAndSavingAgainBringsItBackOnTop() {
        long older = saved.save(owner, ItemType.TIP, "tip-1", "Tip one", "keep me", now.minusSeconds(60));
        long newer = saved.save(owner, ItemType.TIP, "tip-2", "Tip two", null, now);

        assertThat(saved.remove(owner, older, now)).isTrue();
        assertThat(saved.list(owner)).extracting(SavedItem::id).containsExactly(newer);
        assertThat(saved.removedTitle(owner, older)).contains("Tip one");
        assertThat(saved.remove(owner, older, now)).as("already removed").isFalse();
        assertThat(saved.updateNote(owner, older, "x")).as("removed").isFalse();

        assertThat(saved.restore(owner, older)).isTrue();
        assertThat(saved.list(owner)).extracting(SavedItem::id).containsExactly(newer, older);
        assertThat(saved.list(owner).get(1).note()).isEqualTo("keep me");
        assertThat(saved.restore(owner, older)).as("not removed").isFalse();

        saved.remove(owner, older, now);
        long back = saved.save(owner, ItemType.TIP, "tip-1", "Tip one", null, now.plusSeconds(60));
        assertThat(back).isEqualTo(older);
        assertThat(saved.list(owner)).extracting(SavedItem::id).containsExactly(older, newer);
    }

    @Test
    void anotherStudentOrTheSameStudentInAnotherCourseCannotReachAnEntry() {
        long id = saved.save(owner, ItemType.TIP, "tip-1", "Tip one", "private note", now);
        long removed = saved.save(owner, ItemType.TIP, "tip-2", "Tip two", null, now);
        saved.remove(owner, removed, now);

        for (Owner stranger : new Owner[] {classmate, elsewhere}) {
            assertThat(saved.list(stranger)).as(stranger.toString()).isEmpty();
            assertThat(saved.updateNote(stranger, id, "changed")).isFalse();
            assertThat(saved.remove(stranger, id, now)).isFalse();
            assertThat(saved.restore(stranger, removed)).isFalse();
            assertThat(saved.removedTitle(stranger, removed)).isEmpty();
        }
        assertThat(saved.list(owner))
                .singleElement()
                .extracting(SavedItem::note)
                .isEqualTo("private note");
    }

    @Test
    void theSameItemSavedByTwoStudentsIsTwoEntries() {
        long mine = saved.save(owner, ItemType.TIP, "tip-1", "Tip one", "mine", now);
        long theirs = saved.save(classmate, ItemType.TIP, "tip-1", "Tip one", "theirs", now);

        assertThat(mine).isNotEqualTo(theirs);
        assertThat(saved.list(owner))
                .singleElement()
                .extracting(SavedItem::note)
                .isEqualTo("mine");
        assertThat(saved.list(classmate))
                .singleElement()
                .extracting(SavedItem::note)
                .isEqualTo("theirs");
    }

    private long reflection(Owner who, String title) {
        return reflections.create(
                who,
                rows.builtInModel("feedback"),
                null,
                new ReflectionContent(title, false, Map.of("feedback", "f", "feed-forward", "ff")),
                now);
    }

    private static String ref(long id) {
        return Long.toString(id);
    }
}
