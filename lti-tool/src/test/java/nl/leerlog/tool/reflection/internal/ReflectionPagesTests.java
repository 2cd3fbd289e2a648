package nl.leerlog.tool.reflection.internal;

import static nl.leerlog.schema.Tables.REFLECTION;
import static nl.leerlog.schema.Tables.REFLECTION_MODEL;
import static nl.leerlog.schema.Tables.REFLECTION_STEP;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.Owner;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The reflection pages as a launched student uses them: guided forms, validation, drafts, edit and delete. */
class ReflectionPagesTests extends LaunchedCourseTests {

    @Autowired
    Reflections reflections;

    CourseUsers users;
    LaunchedUser student;
    Owner owner;

    @BeforeEach
    void launch() {
        users = launchCourse();
        student = users.student();
        owner = ownerOf(student);
    }

    @Test
    void emptyListInvitesAFirstReflection() {
        HttpResponse<String> page = student.get("/student/reflections");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "<h1>Reflections</h1>",
                        "No reflections yet.",
                        "href=\"/student/reflections/new\"",
                        "aria-current=\"page\"");
    }

    @Test
    void listIsNewestFirstWithModelMomentAndDraftBadge() {
        long moment = rows().moment(owner, "Parents' evening");
        student.post(
                "/student/reflections",
                Map.of(
                        "modelId",
                        id("korthagen"),
                        "momentId",
                        Long.toString(moment),
                        "title",
                        "First one",
                        "action",
                        "draft"));
        student.post(
                "/student/reflections",
                Map.of(
                        "modelId",
                        id("feedback"),
                        "title",
                        "Second one",
                        "answer-feedback",
                        "Good",
                        "answer-feed-forward",
                        "Better"));

        String page = student.get("/student/reflections").body();

        assertThat(page.indexOf("Second one")).isPositive().isLessThan(page.indexOf("First one"));
        assertThat(page)
                .contains(
                        "Korthagen (reflection cycle)",
                        "Feedback and feed-forward",
                        "href=\"/student/log/" + moment + "\"",
                        html("Parents' evening"),
                        "class=\"badge badge-draft\">Draft<");
        assertThat(page.split("badge-draft", -1)).as("one draft").hasSize(2);
    }

    @Test
    void newReflectionUsesTheCoursesModelWithAFieldPerStepLabelledAndHinted() {
        String page = student.get("/student/reflections/new").body();

        // No programme chose a model: the built-in feedback / feed-forward pair.
        assertThat(page)
                .contains(
                        "Reflection model: Feedback and feed-forward",
                        "<label for=\"step-1\">Feedback</label>",
                        "<label for=\"step-2\">Feed-forward</label>",
                        "name=\"answer-feedback\"",
                        "name=\"answer-feed-forward\"",
                        "aria-describedby=\"step-1-count step-1-hint\"",
                        "id=\"step-1-hint\"",
                        "Step 1 of 2",
                        "Step 2 of 2",
                        "<label for=\"title\">Title</label>",
                        "value=\"" + id("feedback") + "\"",
                        "value=\"save\"",
                        "value=\"draft\"");
        assertThat(page).as("the other models on offer").contains("/student/reflections/new?model=" + id("korthagen"));
    }

    @Test
    void theCoursesChosenModelIsTheDefault() {
        long course = asCurrentUser(student, Locale.ENGLISH).courseId();
        db.execute(
                "insert into programme (course_id, reflection_model_id, updated_at) values (?, ?, current_timestamp)",
                course,
                Long.parseLong(id("starrt")));

        String page = student.get("/student/reflections/new").body();

        assertThat(page)
                .contains("Reflection model: STARR(T)", "<label for=\"step-6\">Transfer</label>", "Step 6 of 6");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"feedback", "korthagen", "starrt", "gibbs", "abcd"})
    void everyBuiltInModelShowsItsStepsWithPromptsInDutchAndEnglish(String key) {
        LaunchedUser dutch = LaunchedUser.launch(
                PLATFORM, "http://localhost:" + port, student.contextId(), TestPlatform.LEARNER, "nl");
        List<Record> steps = db.select()
                .from(REFLECTION_STEP)
                .join(REFLECTION_MODEL)
                .on(REFLECTION_MODEL.ID.eq(REFLECTION_STEP.MODEL_ID))
                .where(REFLECTION_MODEL.COURSE_ID.isNull().and(REFLECTION_MODEL.MODEL_KEY.eq(key)))
                .orderBy(REFLECTION_STEP.POSITION)
                .fetch();
        assertThat(steps).hasSizeGreaterThanOrEqualTo(2);

        String english =
                student.get("/student/reflections/new?model=" + id(key)).body();
        String nederlands =
                dutch.get("/student/reflections/new?model=" + id(key)).body();

        for (int i = 0; i < steps.size(); i++) {
            Record step = steps.get(i);
            String label = "<label for=\"step-" + (i + 1) + "\">";
            assertThat(english)
                    .contains(
                            label + html(step.get(REFLECTION_STEP.TITLE_EN)) + "</label>",
                            html(step.get(REFLECTION_STEP.PROMPT_EN)),
                            "Step " + (i + 1) + " of " + steps.size(),
                            "name=\"answer-" + step.get(REFLECTION_STEP.STEP_KEY) + "\"");
            assertThat(nederlands)
                    .contains(
                            label + html(step.get(REFLECTION_STEP.TITLE_NL)) + "</label>",
                            html(step.get(REFLECTION_STEP.PROMPT_NL)),
                            "Stap " + (i + 1) + " van " + steps.size());
        }
        assertThat(english).doesNotContain(html(steps.getFirst().get(REFLECTION_STEP.PROMPT_NL)));
        assertThat(nederlands).doesNotContain(html(steps.getFirst().get(REFLECTION_STEP.PROMPT_EN)));
    }

    @Test
    void aModelTheProgrammeAddsWorksWithoutCodeOfItsOwn() {
        long course = asCurrentUser(student, Locale.ENGLISH).courseId();
        long custom = rows().customModel(
                        course, "three-" + UUID.randomUUID().toString().substring(0, 8));

        String form = student.get("/student/reflections/new?model=" + custom).body();
        assertThat(form)
                .contains(
                        "Reflection model: Three questions",
                        "<label for=\"step-1\">What</label>",
                        "<label for=\"step-3\">Now what</label>",
                        "What does it mean?");

        String location = redirectOf(student.post(
                "/student/reflections",
                Map.of(
                        "modelId",
                        Long.toString(custom),
                        "title",
                        "Three answers",
                        "answer-what",
                        "A talk",
                        "answer-so-what",
                        "It helped",
                        "answer-now-what",
                        "Do it again")));
        long id = Long.parseLong(location.replaceAll("^/student/reflections/(\\d+)\\?saved$", "$1"));

        assertThat(reflections.find(owner, id).orElseThrow().answers())
                .isEqualTo(Map.of("what", "A talk", "so-what", "It helped", "now-what", "Do it again"));
        assertThat(student.get(location).body())
                .contains("Your reflection is saved.", "Three answers", "It helped", "Three questions");
    }

    @Test
    void finalSaveWithAnEmptyStepNamesEachStepAndKeepsTheInput() {
        HttpResponse<String> response = student.post(
                "/student/reflections",
                Map.of(
                        "modelId",
                        id("korthagen"),
                        "title",
                        "Speaking <up>",
                        "answer-action",
                        "I wanted to speak up.",
                        "answer-awareness",
                        "  ",
                        "action",
                        "save"));

        assertThat(response.statusCode()).isEqualTo(422);
        String page = response.body();
        assertThat(page)
                .contains(
                        "Your reflection was not saved yet.",
                        "value=\"Speaking &lt;up&gt;\"",
                        ">I wanted to speak up.</textarea>",
                        html("Write something for “Looking back”, or save your reflection as a draft."),
                        html(
                                "Write something for “Awareness of essential aspects”, or save your reflection as a draft."),
                        html("Write something for “Trial”, or save your reflection as a draft."),
                        "href=\"#step-2\"",
                        "id=\"step-2-error\"",
                        "aria-describedby=\"step-2-count step-2-hint step-2-error\"",
                        "aria-invalid=\"true\"");
        assertThat(page).doesNotContain(html("Write something for “Action”"));
        assertThat(reflections.list(owner)).isEmpty();
    }

    @Test
    void aTitleIsAlwaysNeededAndAtMost200Characters() {
        HttpResponse<String> untitled = student.post(
                "/student/reflections",
                Map.of("modelId", id("feedback"), "title", " ", "answer-feedback", "kept", "action", "draft"));
        HttpResponse<String> tooLong = student.post(
                "/student/reflections", Map.of("modelId", id("feedback"), "title", "x".repeat(201), "action", "draft"));

        assertThat(untitled.statusCode()).isEqualTo(422);
        assertThat(untitled.body())
                .contains(
                        "Give your reflection a title.",
                        "id=\"title-error\"",
                        "aria-describedby=\"title-hint title-error\"",
                        ">kept</textarea>");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("The title can be at most 200 characters.");
        assertThat(reflections.list(owner)).isEmpty();
    }

    @Test
    void aDraftSavesWithEmptyStepsAndIsFinishedLater() {
        String location = redirectOf(student.post(
                "/student/reflections",
                Map.of("modelId", id("korthagen"), "title", "Halfway", "answer-action", "Started", "action", "draft")));
        long id = Long.parseLong(location.replaceAll("\\D+(\\d+).*", "$1"));
        assertThat(reflections.find(owner, id).orElseThrow().draft()).isTrue();
        assertThat(student.get(location).body()).contains("Your draft is saved.", "Not answered yet.", ">Draft<");

        String edit = student.get("/student/reflections/" + id + "/edit").body();
        assertThat(edit).contains("Edit reflection", "value=\"Halfway\"", ">Started</textarea>");

        Map<String, String> finished = new HashMap<>(Map.of("title", "Done", "action", "save"));
        for (String step : List.of("action", "looking-back", "awareness", "alternatives", "trial")) {
            finished.put("answer-" + step, "About " + step);
        }
        assertThat(redirectOf(student.post("/student/reflections/" + id, finished)))
                .isEqualTo("/student/reflections/" + id + "?saved");

        Reflection done = reflections.find(owner, id).orElseThrow();
        assertThat(done.draft()).isFalse();
        assertThat(done.title()).isEqualTo("Done");
        assertThat(done.answers()).hasSize(5).containsEntry("trial", "About trial");
    }

    @Test
    void updateWithAnEmptyStepIsRefusedAndChangesNothing() {
        long id = reflections.create(
                owner,
                Long.parseLong(id("feedback")),
                null,
                new ReflectionContent("Kept", false, Map.of("feedback", "f", "feed-forward", "ff")),
                java.time.Instant.now());

        HttpResponse<String> response = student.post(
                "/student/reflections/" + id,
                Map.of("title", "Changed", "answer-feedback", "new f", "answer-feed-forward", "", "action", "save"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("value=\"Changed\"", ">new f</textarea>", html("Write something for “Feed-forward”"));
        assertThat(reflections.find(owner, id).orElseThrow().title()).isEqualTo("Kept");
    }

    @Test
    void answersToStepsTheModelNoLongerHasSurviveAnEditAndStayVisible() {
        // As after a programme renamed a step of its own model: the stored answer's key is not a step any more.
        long id = reflections.create(
                owner,
                Long.parseLong(id("feedback")),
                null,
                new ReflectionContent(
                        "Older model",
                        false,
                        Map.of("feedback", "f", "feed-forward", "ff", "tips", "An answer to a step that went")),
                java.time.Instant.now());

        student.post(
                "/student/reflections/" + id,
                Map.of(
                        "title",
                        "Edited",
                        "answer-feedback",
                        "new f",
                        "answer-feed-forward",
                        "new ff",
                        "action",
                        "save"));

        assertThat(reflections.find(owner, id).orElseThrow().answers())
                .isEqualTo(
                        Map.of("feedback", "new f", "feed-forward", "new ff", "tips", "An answer to a step that went"));
        assertThat(student.get("/student/reflections/" + id).body())
                .contains("Earlier answers", "An answer to a step that went");
    }

    @Test
    void aReflectionOnAMomentLinksBackToIt() {
        long moment = rows().moment(owner, "Team meeting");

        String form = student.get("/student/reflections/new?moment=" + moment).body();
        assertThat(form)
                .contains(
                        "About the learning moment:",
                        "href=\"/student/log/" + moment + "\"",
                        "name=\"momentId\" value=\"" + moment + "\"",
                        "/student/reflections/new?model=" + id("korthagen") + "&amp;moment=" + moment);

        String location = redirectOf(student.post(
                "/student/reflections",
                Map.of(
                        "modelId",
                        id("feedback"),
                        "momentId",
                        Long.toString(moment),
                        "title",
                        "On the meeting",
                        "answer-feedback",
                        "f",
                        "answer-feed-forward",
                        "ff")));
        assertThat(student.get(location).body()).contains("href=\"/student/log/" + moment + "\"", "Team meeting");
    }

    @Test
    void aDeletedMomentCannotBeReflectedOn() {
        long moment = rows().moment(owner, "Deleted");
        rows().deleteMoment(moment);

        assertThat(student.get("/student/reflections/new?moment=" + moment).statusCode())
                .isEqualTo(404);
        assertThat(student.post(
                                "/student/reflections",
                                Map.of(
                                        "modelId",
                                        id("feedback"),
                                        "momentId",
                                        Long.toString(moment),
                                        "title",
                                        "t",
                                        "action",
                                        "draft"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anUnknownModelOrAnotherCoursesModelIsNotFound() {
        long otherCourse = asCurrentUser(users.otherStudent(), Locale.ENGLISH).courseId();
        long othersModel = rows().customModel(
                        otherCourse, "theirs-" + UUID.randomUUID().toString().substring(0, 8));

        for (String model : List.of(Long.toString(othersModel), "999999999", "abc")) {
            assertThat(student.get("/student/reflections/new?model=" + model).statusCode())
                    .as(model)
                    .isIn(400, 404);
        }
        assertThat(student.get("/student/reflections/new?model=" + othersModel).statusCode())
                .isEqualTo(404);
        assertThat(student.post(
                                "/student/reflections",
                                Map.of("modelId", Long.toString(othersModel), "title", "t", "action", "draft"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(student.post("/student/reflections", Map.of("title", "no model", "action", "draft"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(db.fetchCount(REFLECTION, REFLECTION.OWNER_ID.eq(owner.userId())))
                .isZero();
    }

    @Test
    void deleteOffersUndoAndUndoBringsItBack() {
        long id = reflections.create(
                owner,
                Long.parseLong(id("feedback")),
                null,
                new ReflectionContent("Oops", false, Map.of("feedback", "f")),
                java.time.Instant.now());

        String listed = redirectOf(student.post("/student/reflections/" + id + "/delete", Map.of()));
        assertThat(listed).isEqualTo("/student/reflections?deleted=" + id);
        String list = student.get(listed).body();
        assertThat(list)
                .contains(html("“Oops” was deleted."), "action=\"/student/reflections/" + id + "/restore\"", ">Undo<");
        assertThat(student.get("/student/reflections/" + id).statusCode()).isEqualTo(404);

        assertThat(redirectOf(student.post("/student/reflections/" + id + "/restore", Map.of())))
                .isEqualTo("/student/reflections/" + id);
        assertThat(student.get("/student/reflections/" + id).body()).contains("Oops");
    }

    @Test
    void theReflectionPageOffersEditSaveAndDelete() {
        long id = reflections.create(
                owner,
                Long.parseLong(id("feedback")),
                null,
                new ReflectionContent("Worth keeping", false, Map.of("feedback", "Line one\nLine two")),
                java.time.Instant.now());

        String page = student.get("/student/reflections/" + id).body();

        assertThat(page)
                .contains(
                        "<h1>Worth keeping</h1>",
                        "Line one\nLine two",
                        "href=\"/student/reflections/" + id + "/edit\"",
                        "action=\"/student/saved\"",
                        "name=\"itemType\" value=\"REFLECTION\"",
                        "name=\"itemRef\" value=\"" + id + "\"",
                        "action=\"/student/reflections/" + id + "/delete\"",
                        "Save to Saved");
    }

    private String id(String builtInModel) {
        return Long.toString(rows().builtInModel(builtInModel));
    }
}
