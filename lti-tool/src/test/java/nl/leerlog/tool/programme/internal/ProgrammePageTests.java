package nl.leerlog.tool.programme.internal;

import static nl.leerlog.schema.Tables.CATEGORY;
import static nl.leerlog.schema.Tables.COMPETENCY;
import static nl.leerlog.schema.Tables.LEARNING_GOAL;
import static nl.leerlog.schema.Tables.PROGRAMME;
import static nl.leerlog.schema.Tables.REFLECTION_MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.programme.Choice;
import nl.leerlog.tool.programme.MomentField;
import nl.leerlog.tool.programme.ProgrammeCatalog;
import nl.leerlog.tool.programme.ReflectionModel;
import nl.leerlog.tool.programme.ReflectionModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The programme page over HTTP as a coordinator uses it: every change is validated with a clear message and the
 * input kept, the CSV import reports what it did, and nobody outside the course changes anything.
 */
class ProgrammePageTests extends LaunchedCourseTests {

    @Autowired
    ProgrammeCatalog catalog;

    CourseUsers users;
    LaunchedUser teacher;
    long courseId;

    @BeforeEach
    void launch() {
        users = launchCourse();
        teacher = users.teacher();
        courseId = courseIdOf(teacher);
    }

    @Test
    void aNewCourseShowsItsDefaultCategoriesAndEveryBuiltInReflectionModelWithItsSteps() {
        HttpResponse<String> page = teacher.get("/teacher/programme");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "Practical work",
                        "Meeting or consultation",
                        "Feedback and feed-forward",
                        "Korthagen (reflection cycle)",
                        "Awareness of essential aspects",
                        "STARR(T)",
                        "Gibbs (reflective cycle)",
                        "ABCD");
    }

    @Test
    void aDutchSpeakingTeacherGetsThePageAndItsDefaultsInDutch() {
        LaunchedUser dutch = launch("course-" + java.util.UUID.randomUUID(), TestPlatform.INSTRUCTOR, "nl");

        HttpResponse<String> page = dutch.get("/teacher/programme");

        assertThat(page.body())
                .contains(
                        "lang=\"nl\"",
                        "Categorieën van leermomenten",
                        "Praktijkwerk",
                        "Korthagen (reflectiecirkel)",
                        "Bewustwording van essentiële aspecten");
        assertThat(dutch.post("/teacher/programme/categories", Map.of("name", ""))
                        .body())
                .contains("Vul dit in.");
    }

    // Categories

    @Test
    void anAddedCategoryComesLastInTheMenu() {
        HttpResponse<String> added = teacher.post("/teacher/programme/categories", Map.of("name", "  Intervisie "));

        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(catalog.categories(courseId))
                .extracting(Choice::label)
                .last()
                .isEqualTo("Intervisie");
    }

    @Test
    void aCategoryWithoutANameIsRefusedWithAMessage() {
        HttpResponse<String> refused = teacher.post("/teacher/programme/categories", Map.of("name", "   "));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Please fill this in.", "aria-invalid=\"true\"", "aria-describedby=\"new-category-error\"");
    }

    @Test
    void aSecondCategoryWithTheSameNameIsRefusedAndTheInputKept() {
        HttpResponse<String> refused = teacher.post("/teacher/programme/categories", Map.of("name", "practical WORK"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("This course already has a category with this name.", "value=\"practical WORK\"");
        assertThat(db.fetchCount(CATEGORY, CATEGORY.COURSE_ID.eq(courseId))).isEqualTo(5);
    }

    @Test
    void renamingToATooLongNameIsRefusedAndTheRowKeepsWhatWasTyped() {
        long id = categoryId("Observation");
        String tooLong = "Observatie ".repeat(20);

        HttpResponse<String> refused = teacher.post("/teacher/programme/categories/" + id, Map.of("name", tooLong));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("This is too long.", "value=\"" + tooLong + "\"", "id=\"category-name-" + id + "-error\"");
        assertThat(db.fetchSingle(CATEGORY, CATEGORY.ID.eq(id)).getName()).isEqualTo("Observation");
    }

    @Test
    void renamingMovingAndArchivingACategoryChangeWhatStudentsPickFrom() {
        long observation = categoryId("Observation");

        assertThat(teacher.post("/teacher/programme/categories/" + observation, Map.of("name", "Shadowing"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(teacher.post("/teacher/programme/categories/" + observation + "/move", Map.of("direction", "UP"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(catalog.categories(courseId))
                .extracting(Choice::label)
                .containsExactly(
                        "Practical work", "Shadowing", "Meeting or consultation", "Training or course", "Other");

        teacher.post("/teacher/programme/categories/" + observation + "/archive", Map.of("archived", "true"));
        assertThat(catalog.categories(courseId)).extracting(Choice::label).doesNotContain("Shadowing");
        assertThat(teacher.get("/teacher/programme").body()).contains("value=\"Shadowing\"", "Restore Shadowing");

        teacher.post("/teacher/programme/categories/" + observation + "/archive", Map.of("archived", "false"));
        assertThat(catalog.categories(courseId)).extracting(Choice::label).contains("Shadowing");
    }

    // Goals and competencies

    @Test
    void aGoalWithoutTitleOrWithAnUnknownKindIsRefusedWithItsInputKept() {
        HttpResponse<String> refused = teacher.post(
                "/teacher/programme/goals",
                Map.of("kind", "WISH", "title", "", "description", "Waarom dit ertoe doet"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains(
                        "Choose a learning goal or a learning question.",
                        "Please fill this in.",
                        "Waarom dit ertoe doet");
        assertThat(db.fetchCount(LEARNING_GOAL, LEARNING_GOAL.COURSE_ID.eq(courseId)))
                .isZero();
    }

    @Test
    void programmeGoalsAreAddedEditedAndArchived() {
        teacher.post("/teacher/programme/goals", Map.of("kind", "QUESTION", "title", "How do I plan a lesson?"));
        long id = db.select(LEARNING_GOAL.ID)
                .from(LEARNING_GOAL)
                .where(LEARNING_GOAL.COURSE_ID.eq(courseId))
                .fetchSingle(LEARNING_GOAL.ID);

        teacher.post(
                "/teacher/programme/goals/" + id,
                Map.of("kind", "GOAL", "title", "I plan a lesson", "description", "With a clear goal"));
        assertThat(teacher.get("/teacher/programme").body())
                .contains(
                        "I plan a lesson",
                        "With a clear goal",
                        "action=\"/teacher/programme/goals/" + id + "\"",
                        "action=\"/teacher/programme/goals/" + id + "/archive\"",
                        "action=\"/teacher/programme/goals\"");

        teacher.post("/teacher/programme/goals/" + id + "/archive", Map.of());
        assertThat(db.fetchSingle(LEARNING_GOAL, LEARNING_GOAL.ID.eq(id)).getArchived())
                .isTrue();
    }

    @Test
    void aCompetencyWithACodeTheCourseHasIsRefused() {
        teacher.post("/teacher/programme/competencies", Map.of("code", "KT1", "name", "Communiceren"));

        HttpResponse<String> refused = teacher.post(
                "/teacher/programme/competencies",
                Map.of("code", "kt1", "name", "Plannen", "description", "Een dag vooruit"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains(
                        "This course already has a competency with this code.",
                        "value=\"kt1\"",
                        "value=\"Plannen\"",
                        "Een dag vooruit");
        assertThat(catalog.competencies(courseId)).extracting(Choice::code).containsExactly("KT1");
    }

    // Required fields and the reflection model

    @Test
    void requiredFieldsAreSavedAndUnknownOnesRefused() {
        assertThat(Requests.postForm(teacher, "/teacher/programme/required-fields", "fields=CATEGORY&fields=EVIDENCE")
                        .statusCode())
                .isEqualTo(302);
        assertThat(catalog.requiredFields(courseId))
                .containsExactlyInAnyOrder(MomentField.CATEGORY, MomentField.EVIDENCE);

        HttpResponse<String> refused =
                Requests.postForm(teacher, "/teacher/programme/required-fields", "fields=CATEGORY&fields=MOOD");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Choose only from the fields listed.");
        assertThat(catalog.requiredFields(courseId))
                .containsExactlyInAnyOrder(MomentField.CATEGORY, MomentField.EVIDENCE);
    }

    @Test
    void choosingKorthagenMakesItTheCoursesReflectionModel() {
        long korthagen = builtIn("korthagen");

        assertThat(teacher.post("/teacher/programme/reflection-model", Map.of("modelId", "" + korthagen))
                        .statusCode())
                .isEqualTo(302);

        assertThat(catalog.reflectionModelId(courseId)).isEqualTo(korthagen);
        assertThat(teacher.post("/teacher/programme/reflection-model", Map.of()).body())
                .contains("Choose a reflection model.");
    }

    @Test
    void aModelOfTheCoursesOwnIsStoredWithItsStepsAndCanBeChosen() {
        HttpResponse<String> added = Requests.postForm(
                teacher,
                "/teacher/programme/reflection-models",
                "nameNl=Drie+vragen&nameEn=Three+questions"
                        + "&titleNl=Wat&titleEn=What&promptNl=Wat+gebeurde+er%3F&promptEn=What+happened%3F"
                        + "&titleNl=&titleEn=&promptNl=&promptEn="
                        + "&titleNl=Nu+wat&titleEn=Now+what&promptNl=Wat+ga+je+doen%3F&promptEn=What+will+you+do%3F");

        assertThat(added.statusCode()).isEqualTo(302);
        ReflectionModel own = modelsOfTheCourse().stream()
                .filter(model -> !model.builtIn())
                .findFirst()
                .orElseThrow();
        assertThat(own.name()).isEqualTo("Three questions");
        assertThat(own.steps())
                .extracting(ReflectionModel.Step::title, ReflectionModel.Step::prompt)
                .containsExactly(tuple("What", "What happened?"), tuple("Now what", "What will you do?"));
        teacher.post("/teacher/programme/reflection-model", Map.of("modelId", "" + own.id()));
        assertThat(catalog.reflectionModelId(courseId)).isEqualTo(own.id());
    }

    @Test
    void aModelWithoutStepsOrWithAHalfStepIsRefusedAndItsInputKept() {
        HttpResponse<String> noSteps =
                Requests.postForm(teacher, "/teacher/programme/reflection-models", "nameNl=Leeg&nameEn=Empty");
        assertThat(noSteps.statusCode()).isEqualTo(422);
        assertThat(noSteps.body()).contains("A model needs at least one step.", "value=\"Leeg\"", "value=\"Empty\"");

        HttpResponse<String> halfStep = Requests.postForm(
                teacher,
                "/teacher/programme/reflection-models",
                "nameNl=Half&nameEn=Half&titleNl=Stap&titleEn=&promptNl=Vraag&promptEn=");
        assertThat(halfStep.statusCode()).isEqualTo(422);
        assertThat(halfStep.body())
                .contains(
                        "id=\"step-0-titleEn-error\"",
                        "id=\"step-0-promptEn-error\"",
                        "value=\"Stap\"",
                        ">Vraag</textarea>");

        // A step cell too long for its column is said at that cell of that row, the input kept.
        String longTitle = "t".repeat(NewModelForm.TITLE_LENGTH + 1);
        HttpResponse<String> tooLong = Requests.postForm(
                teacher,
                "/teacher/programme/reflection-models",
                "nameNl=Lang&nameEn=Long&titleNl=Een&titleEn=One&promptNl=Vraag&promptEn=Question" + "&titleNl="
                        + longTitle + "&titleEn=Two&promptNl=Vraag&promptEn=Question");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body())
                .contains("id=\"step-1-titleNl-error\"", "value=\"" + longTitle + "\"")
                .doesNotContain("id=\"step-0-titleNl-error\"");
        assertThat(db.fetchCount(REFLECTION_MODEL, REFLECTION_MODEL.COURSE_ID.eq(courseId)))
                .isZero();
    }

    // CSV import

    @Test
    void aCommaSeparatedFrameworkWithHeaderIsImported() {
        HttpResponse<String> imported = Requests.upload(
                teacher,
                "/teacher/programme/competencies/import",
                "file",
                "framework.csv",
                "code,name,description\nKT1,Communiceren,\"Helder, en op tijd\"\nKT2,Plannen,\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("Imported: 2 added, 0 updated, no rows refused.");
        assertThat(catalog.competencies(courseId))
                .extracting(Choice::code, Choice::label)
                .containsExactly(tuple("KT1", "Communiceren"), tuple("KT2", "Plannen"));
    }

    @Test
    void aSemicolonFileWithByteOrderMarkUpdatesExistingCodesAndAddsNewOnes() {
        teacher.post("/teacher/programme/competencies", Map.of("code", "KT1", "name", "Oude naam"));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] rows = "Code;Naam;Beschrijving\r\nKT1;Communiceren;Met cliënten\r\nKT2;Plannen;\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + rows.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(rows, 0, file, 3, rows.length);

        HttpResponse<String> imported =
                Requests.upload(teacher, "/teacher/programme/competencies/import", "file", "kader.csv", file);

        assertThat(imported.body()).contains("Imported: 1 added, 1 updated, no rows refused.");
        assertThat(db.fetchSingle(COMPETENCY, COMPETENCY.COURSE_ID.eq(courseId), COMPETENCY.CODE.eq("KT1"))
                        .getDescription())
                .isEqualTo("Met cliënten");
        assertThat(catalog.competencies(courseId)).extracting(Choice::label).containsExactly("Communiceren", "Plannen");
    }

    @Test
    void aMixedFileImportsItsGoodRowsAndReportsEachRefusedLineWithItsReason() {
        HttpResponse<String> imported = Requests.upload(
                teacher,
                "/teacher/programme/competencies/import",
                "file",
                "mixed.csv",
                "KT1;Communiceren\n;Zonder code\nKT2;Plannen\nKT1;Dubbel\n".getBytes(StandardCharsets.UTF_8));

        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body())
                .contains(
                        "Imported: 2 added, 0 updated, 2 rows refused.",
                        "Line 2, code: Please fill this in.",
                        "Line 4, code: this code appears earlier in the file.");
        assertThat(catalog.competencies(courseId)).extracting(Choice::code).containsExactly("KT1", "KT2");
    }

    @Test
    void aFileThatIsNoCsvOrNoUtf8ImportsNothingAndSaysWhy() {
        HttpResponse<String> unclosed = Requests.upload(
                teacher,
                "/teacher/programme/competencies/import",
                "file",
                "broken.csv",
                "KT1,Communiceren\nKT2,\"Plannen\nKT3,Reflecteren\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> latin1 = Requests.upload(
                teacher,
                "/teacher/programme/competencies/import",
                "file",
                "latin1.csv",
                "KT1;Cliëntgericht\n".getBytes(StandardCharsets.ISO_8859_1));
        HttpResponse<String> none =
                Requests.upload(teacher, "/teacher/programme/competencies/import", "file", "empty.csv", new byte[0]);

        assertThat(unclosed.statusCode()).isEqualTo(422);
        assertThat(unclosed.body()).contains("The file is not readable as CSV", "id=\"import-file-error\"");
        assertThat(latin1.statusCode()).isEqualTo(422);
        assertThat(latin1.body()).contains("The file is not UTF-8 text.");
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("Choose a CSV file to import.");
        assertThat(db.fetchCount(COMPETENCY, COMPETENCY.COURSE_ID.eq(courseId))).isZero();
    }

    @Test
    void aFileLargerThanTheUploadLimitIsRefusedWithoutAServerError() {
        byte[] large = ("KT1;" + "x".repeat(1_600_000) + "\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused =
                Requests.upload(teacher, "/teacher/programme/competencies/import", "file", "large.csv", large);

        assertThat(refused.statusCode()).isBetween(400, 499);
        assertThat(db.fetchCount(COMPETENCY, COMPETENCY.COURSE_ID.eq(courseId))).isZero();
    }

    // Nobody outside the course changes it

    @Test
    void aTeacherOfAnotherCourseFindsNothingOfThisCourseAndChangesNothing() {
        long category = categoryId("Observation");
        teacher.post("/teacher/programme/goals", Map.of("kind", "GOAL", "title", "Plan a lesson"));
        long goal = db.select(LEARNING_GOAL.ID)
                .from(LEARNING_GOAL)
                .where(LEARNING_GOAL.COURSE_ID.eq(courseId))
                .fetchSingle(LEARNING_GOAL.ID);
        teacher.post("/teacher/programme/competencies", Map.of("code", "KT1", "name", "Communiceren"));
        long competency = db.select(COMPETENCY.ID)
                .from(COMPETENCY)
                .where(COMPETENCY.COURSE_ID.eq(courseId))
                .fetchSingle(COMPETENCY.ID);
        Requests.postForm(
                teacher,
                "/teacher/programme/reflection-models",
                "nameNl=Eigen&nameEn=Own+model&titleNl=Een&titleEn=One&promptNl=Vraag&promptEn=Question");
        long model = db.select(REFLECTION_MODEL.ID)
                .from(REFLECTION_MODEL)
                .where(REFLECTION_MODEL.COURSE_ID.eq(courseId))
                .fetchSingle(REFLECTION_MODEL.ID);
        LaunchedUser stranger = users.otherTeacher();

        for (var request : List.of(
                Map.entry("/teacher/programme/categories/" + category, Map.of("name", "Taken over")),
                Map.entry("/teacher/programme/categories/" + category + "/move", Map.of("direction", "UP")),
                Map.entry("/teacher/programme/categories/" + category + "/archive", Map.of("archived", "true")),
                Map.entry("/teacher/programme/goals/" + goal, Map.of("kind", "GOAL", "title", "Taken over")),
                Map.entry("/teacher/programme/goals/" + goal + "/archive", Map.of("archived", "true")),
                Map.entry("/teacher/programme/competencies/" + competency, Map.of("code", "X1", "name", "Taken over")),
                Map.entry("/teacher/programme/competencies/" + competency + "/archive", Map.of("archived", "true")),
                Map.entry("/teacher/programme/reflection-model", Map.of("modelId", "" + model)))) {
            assertThat(stranger.post(request.getKey(), request.getValue()).statusCode())
                    .as(request.getKey())
                    .isEqualTo(404);
        }

        assertThat(db.fetchSingle(CATEGORY, CATEGORY.ID.eq(category))
                        .into(CATEGORY)
                        .getName())
                .isEqualTo("Observation");
        assertThat(db.fetchSingle(CATEGORY, CATEGORY.ID.eq(category)).getArchived())
                .isFalse();
        assertThat(db.fetchSingle(LEARNING_GOAL, LEARNING_GOAL.ID.eq(goal)).getTitle())
                .isEqualTo("Plan a lesson");
        assertThat(db.fetchSingle(COMPETENCY, COMPETENCY.ID.eq(competency)).getName())
                .isEqualTo("Communiceren");
        long strangersCourse = courseIdOf(stranger);
        assertThat(db.fetchCount(PROGRAMME, PROGRAMME.COURSE_ID.eq(strangersCourse)))
                .isZero();
        assertThat(stranger.get("/teacher/programme").body())
                .doesNotContain("Plan a lesson", "Communiceren", "Own model");
    }

    @Test
    void studentsCannotOpenOrChangeTheProgramme() {
        long category = categoryId("Observation");

        assertThat(users.student().get("/teacher/programme").statusCode()).isEqualTo(403);
        // A teacher page about one thing answers a student "not found", as it would any stranger.
        assertThat(users.student()
                        .post("/teacher/programme/categories/" + category, Map.of("name", "Mine"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(users.otherStudent()
                        .post("/teacher/programme/categories", Map.of("name", "Mine"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(db.fetchSingle(CATEGORY, CATEGORY.ID.eq(category)).getName()).isEqualTo("Observation");
    }

    private long categoryId(String name) {
        return db.select(CATEGORY.ID)
                .from(CATEGORY)
                .where(CATEGORY.COURSE_ID.eq(courseId), CATEGORY.NAME.eq(name))
                .fetchSingle(CATEGORY.ID);
    }

    private long builtIn(String key) {
        return db.select(REFLECTION_MODEL.ID)
                .from(REFLECTION_MODEL)
                .where(REFLECTION_MODEL.COURSE_ID.isNull(), REFLECTION_MODEL.MODEL_KEY.eq(key))
                .fetchSingle(REFLECTION_MODEL.ID);
    }

    private List<ReflectionModel> modelsOfTheCourse() {
        return new ReflectionModels(db, java.time.Clock.systemUTC()).offeredTo(courseId, Locale.ENGLISH);
    }
}
