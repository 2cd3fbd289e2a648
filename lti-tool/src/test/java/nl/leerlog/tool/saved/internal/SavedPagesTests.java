package nl.leerlog.tool.saved.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.reflection.internal.ReflectionContent;
import nl.leerlog.tool.reflection.internal.Reflections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Saved timeline as a launched student uses it: saving, notes, removing with undo. */
class SavedPagesTests extends LaunchedCourseTests {

    @Autowired
    Reflections reflections;

    @Autowired
    SavedItems saved;

    CourseUsers users;
    LaunchedUser student;
    Owner owner;
    long reflection;

    @BeforeEach
    void studentWithAReflection() {
        users = launchCourse();
        student = users.student();
        owner = ownerOf(student);
        reflection = reflections.create(
                owner,
                rows().builtInModel("feedback"),
                null,
                new ReflectionContent("Speaking up", false, Map.of("feedback", "f", "feed-forward", "ff")),
                Instant.now());
    }

    @Test
    void emptyTimelineSaysWhatItIsFor() {
        String page = student.get("/student/saved").body();

        assertThat(page).contains("<h1>Saved</h1>", "Nothing saved yet.");
    }

    @Test
    void savingAReflectionPutsItOnTopOfTheTimelineWithALinkToIt() {
        long moment = rows().moment(owner, "Team meeting");
        student.post("/student/saved", Map.of("itemType", "MOMENT", "itemRef", Long.toString(moment)));

        String location = redirectOf(
                student.post("/student/saved", Map.of("itemType", "REFLECTION", "itemRef", Long.toString(reflection))));
        assertThat(location).startsWith("/student/saved?added=");
        String page = student.get(location).body();

        assertThat(page)
                .contains(
                        html("“Speaking up” is now in Saved."),
                        "href=\"/student/reflections/" + reflection + "\"",
                        "href=\"/student/log/" + moment + "\"",
                        ">Reflection<",
                        ">Learning moment<",
                        "Saved on ");
        assertThat(page.indexOf(">Speaking up</a>")).isPositive().isLessThan(page.indexOf(">Team meeting</a>"));
    }

    @Test
    void savingTwiceKeepsOneEntryAndUpdatesTheNote() {
        student.post(
                "/student/saved",
                Map.of(
                        "itemType",
                        "REFLECTION",
                        "itemRef",
                        Long.toString(reflection),
                        "note",
                        "Use this in my portfolio"));
        student.post("/student/saved", Map.of("itemType", "REFLECTION", "itemRef", Long.toString(reflection)));
        assertThat(saved.list(owner))
                .singleElement()
                .extracting(SavedItem::note)
                .isEqualTo("Use this in my portfolio");

        student.post(
                "/student/saved",
                Map.of(
                        "itemType",
                        "REFLECTION",
                        "itemRef",
                        Long.toString(reflection),
                        "note",
                        "Discuss with my supervisor"));

        assertThat(saved.list(owner))
                .singleElement()
                .extracting(SavedItem::note)
                .isEqualTo("Discuss with my supervisor");
        assertThat(student.get("/student/saved").body()).contains("Discuss with my supervisor", "Edit note");
    }

    @Test
    void tipsAndChartsAreSavedByTheReferenceAndTitleTheyCameWith() {
        redirectOf(student.post(
                "/student/saved", Map.of("itemType", "TIP", "itemRef", "tip-7", "title", "Plan your week")));

        assertThat(saved.list(owner)).singleElement().satisfies(item -> {
            assertThat(item.type()).isEqualTo(ItemType.TIP);
            assertThat(item.ref()).isEqualTo("tip-7");
            assertThat(item.title()).isEqualTo("Plan your week");
        });
        assertThat(student.get("/student/saved").body())
                .contains(">Tip<", "Plan your week", "href=\"/student/insights\"");
    }

    @Test
    void anUnknownTypeOrAMissingReferenceIsABadRequest() {
        assertThat(student.post("/student/saved", Map.of("itemType", "PASSWORD", "itemRef", "1"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(student.post("/student/saved", Map.of("itemType", "TIP", "itemRef", ""))
                        .statusCode())
                .isEqualTo(400);
        assertThat(student.post("/student/saved", Map.of("itemType", "TIP", "itemRef", "tip-1"))
                        .statusCode())
                .as("a tip without its title")
                .isEqualTo(400);
        assertThat(student.post("/student/saved", Map.of("itemType", "REFLECTION", "itemRef", "x"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(saved.list(owner)).isEmpty();
    }

    @Test
    void aNoteIsWrittenAndClearedInline() {
        long id = saved.save(owner, ItemType.REFLECTION, Long.toString(reflection), "Speaking up", null, Instant.now());
        String page = student.get("/student/saved").body();
        assertThat(page)
                .contains(
                        "Add a note",
                        "action=\"/student/saved/" + id + "/note\"",
                        "<label for=\"note-" + id + "\">Note</label>",
                        "aria-describedby=\"saved-" + id + "-title\"");

        assertThat(redirectOf(student.post("/student/saved/" + id + "/note", Map.of("note", "Good example"))))
                .isEqualTo("/student/saved");
        assertThat(student.get("/student/saved").body()).contains("class=\"saved-note\">Good example<", "Edit note");

        student.post("/student/saved/" + id + "/note", Map.of("note", " "));
        assertThat(saved.list(owner))
                .singleElement()
                .extracting(SavedItem::note)
                .isNull();
    }

    @Test
    void aNoteTooLongIsRefusedWithTheMessageAtItsFieldAndTheTextKept() {
        long id =
                saved.save(owner, ItemType.REFLECTION, Long.toString(reflection), "Speaking up", "old", Instant.now());
        String tooLong = "word ".repeat(500);

        HttpResponse<String> response = student.post("/student/saved/" + id + "/note", Map.of("note", tooLong));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains(
                        "A note can be at most 2,000 characters.",
                        "id=\"note-" + id + "-error\"",
                        "aria-describedby=\"saved-" + id + "-title note-" + id + "-error\"",
                        "aria-invalid=\"true\"",
                        tooLong.strip() + "</textarea>",
                        "<details class=\"note-editor\" open=\"open\">");
        assertThat(saved.list(owner))
                .singleElement()
                .extracting(SavedItem::note)
                .isEqualTo("old");
    }

    @Test
    void removingOffersUndo() {
        long id =
                saved.save(owner, ItemType.REFLECTION, Long.toString(reflection), "Speaking up", "note", Instant.now());

        String location = redirectOf(student.post("/student/saved/" + id + "/remove", Map.of()));
        String page = student.get(location).body();
        assertThat(page)
                .contains(
                        html("“Speaking up” was removed from Saved."),
                        "action=\"/student/saved/" + id + "/restore\"",
                        "Nothing saved yet.");

        assertThat(redirectOf(student.post("/student/saved/" + id + "/restore", Map.of())))
                .isEqualTo("/student/saved");
        assertThat(saved.list(owner))
                .singleElement()
                .extracting(SavedItem::note)
                .isEqualTo("note");
    }

    @Test
    void aReflectionDeletedAfterSavingShowsAsDeletedWithoutALink() {
        saved.save(owner, ItemType.REFLECTION, Long.toString(reflection), "Speaking up", null, Instant.now());
        reflections.delete(owner, reflection, Instant.now());

        String page = student.get("/student/saved").body();

        assertThat(page)
                .contains("Speaking up", "You have deleted this item since you saved it.")
                .doesNotContain("href=\"/student/reflections/" + reflection + "\"");
    }

    @Test
    void theTimelineSpeaksDutchToADutchStudent() {
        LaunchedUser dutch = LaunchedUser.launch(
                PLATFORM,
                "http://localhost:" + port,
                student.contextId(),
                nl.leerlog.lti.testing.TestPlatform.LEARNER,
                "nl");
        Owner dutchOwner = ownerOf(dutch);
        saved.save(dutchOwner, ItemType.TIP, "tip-1", "Plan je week", null, Instant.now());

        assertThat(dutch.get("/student/saved").body())
                .contains("<h1>Opgeslagen</h1>", ">Tip<", "Opgeslagen op ", "Notitie toevoegen", ">Verwijderen<");
    }
}
