package nl.leerlog.tool.saved.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.reflection.internal.ReflectionContent;
import nl.leerlog.tool.reflection.internal.Reflections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A student's Saved timeline is theirs alone: a teacher of the same course, a teacher of another course and a student
 * of another course get "not found" for its entries and for the student's items, and change nothing.
 */
class SavedAccessTests extends LaunchedCourseTests {

    @Autowired
    Reflections reflections;

    @Autowired
    SavedItems saved;

    CourseUsers users;
    Owner owner;
    long moment;
    long reflection;
    long entry;
    long removed;

    @BeforeEach
    void studentWithSavedItems() {
        users = launchCourse();
        owner = ownerOf(users.student());
        moment = rows().moment(owner, "Secret moment");
        reflection = reflections.create(
                owner,
                rows().builtInModel("feedback"),
                moment,
                new ReflectionContent("Secret reflection", false, Map.of("feedback", "f")),
                Instant.now());
        entry = saved.save(
                owner,
                ItemType.REFLECTION,
                Long.toString(reflection),
                "Secret reflection",
                "Secret note",
                Instant.now());
        removed = saved.save(owner, ItemType.TIP, "tip-1", "Removed tip", null, Instant.now());
        saved.remove(owner, removed, Instant.now());
    }

    @Test
    void strangersCannotChangeTheNoteOfAnEntry() {
        everyStrangerGetsNotFound(
                stranger -> stranger.post("/student/saved/" + entry + "/note", Map.of("note", "Hijacked")));
        everyStrangerGetsNotFound(
                stranger -> stranger.post("/student/saved/" + entry + "/note", Map.of("note", "x".repeat(3000))));

        assertThat(saved.list(owner))
                .filteredOn(item -> item.id() == entry)
                .singleElement()
                .extracting(SavedItem::note)
                .isEqualTo("Secret note");
    }

    @Test
    void strangersCannotRemoveOrRestoreAnEntry() {
        everyStrangerGetsNotFound(stranger -> stranger.post("/student/saved/" + entry + "/remove", Map.of()));
        everyStrangerGetsNotFound(stranger -> stranger.post("/student/saved/" + removed + "/restore", Map.of()));

        assertThat(saved.list(owner)).extracting(SavedItem::id).containsExactly(entry);
    }

    @Test
    void strangersCannotSaveTheStudentsMomentOrReflection() {
        everyStrangerGetsNotFound(stranger -> stranger.post(
                "/student/saved",
                Map.of("itemType", "REFLECTION", "itemRef", Long.toString(reflection), "note", "Mine now")));
        everyStrangerGetsNotFound(stranger ->
                stranger.post("/student/saved", Map.of("itemType", "MOMENT", "itemRef", Long.toString(moment))));

        Owner otherStudent = ownerOf(users.otherStudent());
        assertThat(saved.list(otherStudent)).isEmpty();
        assertThat(saved.list(owner))
                .singleElement()
                .extracting(SavedItem::note)
                .isEqualTo("Secret note");
    }

    @Test
    void theTimelineAppearsNowhereElse() {
        for (LaunchedUser stranger : users.strangers()) {
            for (String path : new String[] {
                "/student/saved",
                "/student/saved?removed=" + removed,
                "/student/saved?added=" + entry,
                "/home",
                "/teacher/dashboard",
                "/teacher/students"
            }) {
                assertThat(stranger.get(path).body())
                        .as(path)
                        .doesNotContain("Secret reflection", "Secret note", "Removed tip");
            }
        }
        assertThat(users.student().get("/student/saved?removed=" + removed).body())
                .contains("Secret reflection", "Secret note", "Removed tip");
    }

    private void everyStrangerGetsNotFound(Function<LaunchedUser, HttpResponse<String>> request) {
        for (LaunchedUser stranger : users.strangers()) {
            HttpResponse<String> response = request.apply(stranger);
            assertThat(response.statusCode()).as(stranger.subject()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Secret reflection", "Secret note");
        }
    }
}
