package nl.leerlog.tool.programme.internal;

import static nl.leerlog.schema.Tables.CATEGORY;
import static nl.leerlog.schema.Tables.COMPETENCY;
import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.ENROLMENT;
import static nl.leerlog.schema.Tables.REFLECTION_MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.identity.CourseCreatedEvent;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.internship.InternshipWeek;
import nl.leerlog.tool.internship.Internships;
import nl.leerlog.tool.programme.Choice;
import nl.leerlog.tool.programme.Goal;
import nl.leerlog.tool.programme.MomentField;
import nl.leerlog.tool.programme.ProgrammeCatalog;
import nl.leerlog.tool.programme.ReflectionModel;
import nl.leerlog.tool.programme.ReflectionModels;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the programme's repositories, a student's own goals and the internship data promise, proven on each
 * database Leerlog runs on: the subclasses only choose the datasource. Each test works in courses of its own.
 */
@SpringBootTest
abstract class ProgrammeRepositoryContractTests {

    @Autowired
    DSLContext db;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ProgrammeCatalog catalog;

    @Autowired
    Categories categories;

    @Autowired
    ProgrammeGoals programmeGoals;

    @Autowired
    OwnGoals ownGoals;

    @Autowired
    Competencies competencies;

    @Autowired
    CompetencyImport competencyImport;

    @Autowired
    ReflectionModels models;

    @Autowired
    ProgrammeSettings settings;

    @Autowired
    Internships internships;

    long course;
    long otherCourse;
    long student;
    long otherStudent;
    long teacher;
    Owner owner;
    Owner otherOwner;

    @BeforeEach
    void twoCourses() {
        course = course();
        otherCourse = course();
        student = person(course, CourseRole.STUDENT);
        otherStudent = person(course, CourseRole.STUDENT);
        teacher = person(course, CourseRole.TEACHER);
        owner = Owner.of(new CurrentUser(student, "Sanne", CourseRole.STUDENT, false, course, "Stage", Locale.ENGLISH));
        otherOwner = Owner.of(
                new CurrentUser(otherStudent, "Daan", CourseRole.STUDENT, false, course, "Stage", Locale.ENGLISH));
    }

    // Categories

    /** The course as its first launch creates it: with the default categories in the creator's language. */
    void created(long courseId, Locale locale) {
        events.publishEvent(new CourseCreatedEvent(courseId, locale));
    }

    @Test
    void aNewCourseGetsItsDefaultCategoriesOnceInItsCreatorsLanguage() {
        assertThat(categories.all(course)).isEmpty(); // reading a course writes nothing

        created(course, Locale.forLanguageTag("nl"));
        List<Categories.Category> first = categories.all(course);
        created(course, Locale.ENGLISH);
        List<Categories.Category> again = categories.all(course);

        assertThat(first)
                .extracting(Categories.Category::name)
                .containsExactly("Praktijkwerk", "Overleg of gesprek", "Observatie", "Scholing of training", "Overig");
        assertThat(again).isEqualTo(first);
    }

    @Test
    void categoriesAreAddedLastRenamedMovedAndArchivedButNeverDeleted() {
        created(course, Locale.ENGLISH);
        long added = categories.add(course, "Intervisie");
        categories.rename(course, added, "Intervision");
        categories.move(course, added, Categories.Direction.UP);
        categories.move(course, id("Practical work"), Categories.Direction.UP);
        categories.move(course, id("Practical work"), Categories.Direction.DOWN);
        categories.archive(course, id("Observation"), true);

        assertThat(catalog.categories(course))
                .extracting(Choice::label)
                .containsExactly(
                        "Meeting or consultation", "Practical work", "Training or course", "Intervision", "Other");
        assertThat(categories.all(course)).extracting(Categories.Category::name).contains("Observation");
    }

    @Test
    void aCategoryNameIsTakenWhateverItsCaseButNotByItself() {
        created(course, Locale.ENGLISH);

        assertThat(categories.nameTaken(course, "OTHER", null)).isTrue();
        assertThat(categories.nameTaken(course, "other", id("Other"))).isFalse();
        assertThat(categories.nameTaken(otherCourse, "Other", null)).isFalse();
    }

    @Test
    void aCategoryOfAnotherCourseIsNotFoundAndStaysAsItWas() {
        created(course, Locale.ENGLISH);
        long other = id("Other");

        assertNotFound(() -> categories.rename(otherCourse, other, "Mine"));
        assertNotFound(() -> categories.archive(otherCourse, other, true));
        assertNotFound(() -> categories.move(otherCourse, other, Categories.Direction.UP));
        assertThat(db.fetchSingle(CATEGORY, CATEGORY.ID.eq(other)))
                .satisfies(row -> assertThat(row.getName()).isEqualTo("Other"))
                .satisfies(row -> assertThat(row.getArchived()).isFalse());
    }

    // Goals: the programme's and a student's own

    @Test
    void programmeGoalsComeBeforeTheStudentsOwnAndOtherStudentsGoalsStayAway() {
        long programmeGoal = programmeGoals.add(course, Goal.Kind.GOAL, "Plan a lesson", null);
        long own = ownGoals.add(owner, Goal.Kind.QUESTION, "How do I calm a class?", "Before Friday");
        ownGoals.add(otherOwner, Goal.Kind.GOAL, "Someone else's goal", null);

        assertThat(catalog.goals(owner))
                .containsExactly(
                        new Goal(programmeGoal, Goal.Kind.GOAL, "Plan a lesson", null, false),
                        new Goal(own, Goal.Kind.QUESTION, "How do I calm a class?", "Before Friday", true));
        assertThat(programmeGoals.all(course))
                .extracting(ProgrammeGoals.ProgrammeGoal::title)
                .containsExactly("Plan a lesson");
        assertThat(ownGoals.all(owner)).extracting(OwnGoals.OwnGoal::title).containsExactly("How do I calm a class?");
    }

    @Test
    void ownGoalsAreEditedAndArchivedOnlyByTheirOwner() {
        long own = ownGoals.add(owner, Goal.Kind.GOAL, "Plan a lesson", null);

        assertNotFound(() -> ownGoals.update(otherOwner, own, Goal.Kind.GOAL, "Taken", null));
        assertNotFound(() -> ownGoals.archive(otherOwner, own, true));
        assertNotFound(() -> ownGoals.find(otherOwner, own));
        assertThat(ownGoals.all(otherOwner)).isEmpty();

        ownGoals.update(owner, own, Goal.Kind.QUESTION, "How do I plan a lesson?", "With a goal");
        ownGoals.archive(owner, own, true);
        assertThat(ownGoals.find(owner, own))
                .isEqualTo(
                        new OwnGoals.OwnGoal(own, Goal.Kind.QUESTION, "How do I plan a lesson?", "With a goal", true));
        assertThat(catalog.goals(owner)).isEmpty();
    }

    @Test
    void theProgrammesGoalRepositoryNeverTouchesAStudentsOwnGoal() {
        long own = ownGoals.add(owner, Goal.Kind.GOAL, "Mine", null);
        long programmeGoal = programmeGoals.add(course, Goal.Kind.GOAL, "Programme's", null);

        assertNotFound(() -> programmeGoals.update(course, own, Goal.Kind.GOAL, "Changed by a coordinator", null));
        assertNotFound(() -> programmeGoals.archive(course, own, true));
        assertNotFound(() -> programmeGoals.archive(otherCourse, programmeGoal, true));
        assertThat(ownGoals.find(owner, own).title()).isEqualTo("Mine");
    }

    // Competencies

    @Test
    void competenciesAreAddedEditedArchivedAndTheirCodesUniqueWhateverTheCase() {
        long kt1 = competencies.add(course, "KT1", "Communiceren", null);
        long kt2 = competencies.add(course, "KT2", "Plannen", "Vooruit denken");
        competencies.update(course, kt1, "KT1", "Communiceren met cliënten", null);
        competencies.archive(course, kt2, true);

        assertThat(catalog.competencies(course)).containsExactly(new Choice(kt1, "Communiceren met cliënten", "KT1"));
        assertThat(competencies.all(course))
                .extracting(Competencies.Competency::archived)
                .containsExactly(false, true);
        assertThat(competencies.codeTaken(course, "kt2", null)).isTrue();
        assertThat(competencies.codeTaken(course, "kt2", kt2)).isFalse();
        assertNotFound(() -> competencies.update(otherCourse, kt1, "X", "Taken", null));
        assertNotFound(() -> competencies.archive(otherCourse, kt1, true));
    }

    @Test
    void anImportUpdatesExistingCodesRestoresArchivedOnesAndAddsNewOnes() {
        long kt1 = competencies.add(course, "kt1", "Oud", null);
        competencies.archive(course, kt1, true);

        CompetencyImport.Report report = competencyImport.importCsv(
                course, "KT1;Communiceren;Helder\nKT2;Plannen\n;Geen code\n".getBytes(StandardCharsets.UTF_8));

        assertThat(report)
                .isEqualTo(new CompetencyImport.Report(
                        1, 1, List.of(new CompetencyCsv.Refusal(3, "code", "programme.error.required")), null));
        assertThat(catalog.competencies(course))
                .extracting(Choice::code, Choice::label)
                .containsExactly(tuple("kt1", "Communiceren"), tuple("KT2", "Plannen"));
        assertThat(db.fetchCount(COMPETENCY, COMPETENCY.COURSE_ID.eq(otherCourse)))
                .isZero();
    }

    @Test
    void aRefusedFileLeavesTheFrameworkAsItWas() {
        competencies.add(course, "KT1", "Communiceren", null);

        CompetencyImport.Report report =
                competencyImport.importCsv(course, "KT1,Nieuw\nKT2,\"Plannen\n".getBytes(StandardCharsets.UTF_8));

        assertThat(report.failed()).isTrue();
        assertThat(competencies.all(course))
                .extracting(Competencies.Competency::name)
                .containsExactly("Communiceren");
    }

    // Required fields and the reflection model

    @Test
    void requiredFieldsAndTheReflectionModelAreKeptPerCourse() {
        long korthagen = builtIn("korthagen");
        long feedback = builtIn("feedback");
        assertThat(catalog.requiredFields(course)).isEmpty();
        assertThat(catalog.reflectionModelId(course)).isEqualTo(feedback);

        settings.requireFields(course, EnumSet.of(MomentField.CATEGORY, MomentField.GOALS), teacher);
        settings.chooseReflectionModel(course, korthagen, teacher);
        settings.requireFields(course, EnumSet.of(MomentField.EVIDENCE), teacher);

        assertThat(catalog.requiredFields(course)).containsExactly(MomentField.EVIDENCE);
        assertThat(catalog.reflectionModelId(course)).isEqualTo(korthagen);
        assertThat(catalog.reflectionModelId(otherCourse)).isEqualTo(feedback);
        assertThat(catalog.requiredFields(otherCourse)).isEmpty();
    }

    @Test
    void aCoursesOwnModelHasItsStepsInBothLanguagesAndIsNoChoiceForAnotherCourse() {
        long own = models.addOwn(
                course,
                "Drie vragen",
                "Three questions",
                List.of(
                        new ReflectionModels.NewStep("Wat", "What", "Wat gebeurde er?", "What happened?"),
                        new ReflectionModels.NewStep("Nu wat", "Now what", "Wat ga je doen?", "What will you do?")));
        models.addOwn(course, "Nog een", "Another", List.of(new ReflectionModels.NewStep("a", "a", "b", "b")));

        assertThat(models.offeredTo(course, Locale.forLanguageTag("nl")))
                .filteredOn(model -> !model.builtIn())
                .first()
                .satisfies(model -> {
                    assertThat(model.id()).isEqualTo(own);
                    assertThat(model.name()).isEqualTo("Drie vragen");
                    assertThat(model.steps())
                            .extracting(ReflectionModel.Step::title, ReflectionModel.Step::prompt)
                            .containsExactly(tuple("Wat", "Wat gebeurde er?"), tuple("Nu wat", "Wat ga je doen?"));
                });
        assertThat(models.offeredTo(course, Locale.ENGLISH))
                .extracting(ReflectionModel::key)
                .containsExactly("feedback", "korthagen", "starrt", "gibbs", "abcd", "own-1", "own-2");
        assertThat(models.offeredTo(otherCourse, Locale.ENGLISH)).allMatch(ReflectionModel::builtIn);
        assertNotFound(() -> settings.chooseReflectionModel(otherCourse, own, teacher));
        assertThat(db.fetchCount(REFLECTION_MODEL, REFLECTION_MODEL.COURSE_ID.eq(course)))
                .isEqualTo(2);
    }

    @Test
    void everyBuiltInModelHasItsStepsInDutchAndEnglish() {
        assertThat(models.offeredTo(course, Locale.ENGLISH))
                .filteredOn(model -> model.key().equals("korthagen"))
                .singleElement()
                .extracting(model ->
                        model.steps().stream().map(ReflectionModel.Step::title).toList())
                .isEqualTo(
                        List.of("Action", "Looking back", "Awareness of essential aspects", "Alternatives", "Trial"));
        assertThat(models.offeredTo(course, Locale.forLanguageTag("nl")))
                .allSatisfy(model -> assertThat(model.steps()).isNotEmpty());
    }

    // Internship data

    @Test
    void anInternshipIsStoredWholeAndOverwrittenWhole() {
        Internship first = new Internship(
                "Zorghuis De Linde",
                "Ineke Bakker",
                "ineke@zorghuis.example.nl",
                LocalDate.of(2026, 2, 2),
                LocalDate.of(2026, 6, 26),
                "Een dagprogramma ontwerpen");
        internships.save(course, student, first, student);
        Internship corrected = new Internship("Zorghuis De Eik", null, null, LocalDate.of(2026, 2, 9), null, null);
        internships.save(course, student, corrected, teacher);

        assertThat(internships.find(course, student)).contains(corrected);
        assertThat(internships.find(course, otherStudent)).isEmpty();
        assertThat(internships.find(otherCourse, student)).isEmpty();
    }

    @Test
    void theSummaryOfTheStudentsOwnInternshipCountsWeeksFromTheStartDate() {
        assertThat(internships.summary(owner)).isEmpty();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        internships.save(
                course,
                student,
                new Internship("Zorghuis", null, null, today.minusDays(14), today.plusDays(20), null),
                student);

        assertThat(internships.summary(owner)).get().satisfies(summary -> {
            assertThat(summary.internship().organisation()).isEqualTo("Zorghuis");
            assertThat(summary.week().phase()).isEqualTo(InternshipWeek.Phase.RUNNING);
            assertThat(summary.week().weeks()).isEqualTo(5);
        });
        assertThat(internships.summary(otherOwner)).isEmpty();
        assertThat(internships.summary(course, student)).isEqualTo(internships.summary(owner));
        assertThat(internships.summary(otherCourse, student)).isEmpty();
    }

    @Test
    void onlyActiveStudentsOfTheCourseAreReachableForItsTeachers() {
        assertThat(internships.activeStudent(course, student)).isPresent();
        assertThat(internships.activeStudent(course, teacher)).isEmpty();
        assertThat(internships.activeStudent(otherCourse, student)).isEmpty();
        db.update(ENROLMENT)
                .set(ENROLMENT.ACTIVE, false)
                .where(ENROLMENT.COURSE_ID.eq(course), ENROLMENT.USER_ID.eq(student))
                .execute();
        assertThat(internships.activeStudent(course, student)).isEmpty();
    }

    // Helpers

    private long id(String categoryName) {
        return db.select(CATEGORY.ID)
                .from(CATEGORY)
                .where(CATEGORY.COURSE_ID.eq(course), CATEGORY.NAME.eq(categoryName))
                .fetchSingle(CATEGORY.ID);
    }

    private long builtIn(String key) {
        return db.select(REFLECTION_MODEL.ID)
                .from(REFLECTION_MODEL)
                .where(REFLECTION_MODEL.COURSE_ID.isNull(), REFLECTION_MODEL.MODEL_KEY.eq(key))
                .fetchSingle(REFLECTION_MODEL.ID);
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable change) {
        assertThatThrownBy(change)
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    private long course() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.insertInto(COURSE)
                .set(COURSE.ISSUER, "https://programme-lms.example.edu")
                .set(COURSE.CLIENT_ID, "client-1")
                .set(COURSE.DEPLOYMENT_ID, "deployment-1")
                .set(COURSE.CONTEXT_ID, "context-" + UUID.randomUUID())
                .set(COURSE.CREATED_AT, now)
                .set(COURSE.UPDATED_AT, now)
                .returningResult(COURSE.ID)
                .fetchSingle(COURSE.ID);
    }

    private long person(long courseId, CourseRole role) {
        return new LearningLogRows(db).member(courseId, "Someone", role);
    }
}
