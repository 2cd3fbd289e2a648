package nl.leerlog.tool.learninglog.internal;

import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.MultipartForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The learning-moment form over HTTP, as a launched student sends it: clear messages per field with everything the
 * student typed kept, the programme's required fields only on a final save, links only to what the course offers,
 * and safe HTML from whatever was written.
 */
class MomentFormTests extends LogApplicationTests {

    CourseUsers users;
    LaunchedUser student;
    long course;
    long goal;
    long competency;

    @BeforeEach
    void studentOfACourseWithAGoalAndACompetency() {
        users = launchCourse();
        student = users.student();
        course = courseIdOf(student);
        goal = new LearningLogRows(db).goal(course, null, "Lead a class");
        competency = new LearningLogRows(db).competency(course, "C1", "Pedagogy");
    }

    int moments() {
        return db.fetchCount(LEARNING_MOMENT, LEARNING_MOMENT.COURSE_ID.eq(course));
    }

    long category() {
        return db.fetch("select id from category where course_id = ? order by position", course)
                .getFirst()
                .get(0, Long.class);
    }

    @Test
    void theNewFormOffersTodayTheCoursesChoicesAndLabelledFields() {
        HttpResponse<String> form = student.get("/student/log/new");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("value=\"" + LocalDate.now() + "\"")
                .contains(
                        "<label for=\"title\">",
                        "<label for=\"minutes\">",
                        "<label for=\"body\"",
                        "<label for=\"categoryId\">",
                        "<label for=\"evidence\">",
                        "for=\"person-name-0\"")
                .contains("Practical work", "Lead a class", "C1 Pedagogy")
                .contains("enctype=\"multipart/form-data\"", "value=\"draft\"", "value=\"save\"");
    }

    @Test
    void aMissingTitleAndABadDateGiveClearMessagesAndKeepEverythingTyped() {
        HttpResponse<String> response = send(
                student,
                "/student/log",
                MultipartForm.moment("31-02-2026", "", "save")
                        .field("minutes", "1:30")
                        .field("body", "Kept *text*")
                        .field("goalIds", String.valueOf(goal))
                        .field("competencyIds", String.valueOf(competency))
                        .field("personName", "Anna de Vries")
                        .field("personRole", "workplace supervisor")
                        .field("personName", "")
                        .field("personRole", ""));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("Enter a date as year-month-day, for example 2026-03-31.")
                .contains("Give the learning moment a title.")
                .contains("aria-describedby=\"occurredOn-error\"", "id=\"occurredOn-error\"")
                .contains("value=\"31-02-2026\"", "value=\"1:30\"", "Kept *text*")
                .contains("id=\"goal-" + goal + "\" value=\"" + goal + "\" checked")
                .contains("id=\"competency-" + competency + "\" value=\"" + competency + "\" checked")
                .contains("value=\"Anna de Vries\"", "value=\"workplace supervisor\"");
        assertThat(moments()).isZero();
    }

    @Test
    void aDateInTheFutureIsRefused() {
        HttpResponse<String> response = send(
                student,
                "/student/log",
                MultipartForm.moment(LocalDate.now().plusDays(2).toString(), "Tomorrow", "save"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("The date is in the future");
        assertThat(moments()).isZero();
    }

    @Test
    void minutesOutsideOneDayOrNotANumberAreRefusedAndHoursMinutesAreAccepted() {
        for (String minutes : new String[] {"1441", "-5", "lots", "24:60"}) {
            HttpResponse<String> response = send(
                    student,
                    "/student/log",
                    MultipartForm.moment("2026-03-02", "Timed", "save").field("minutes", minutes));
            assertThat(response.statusCode()).as(minutes).isEqualTo(422);
            assertThat(response.body())
                    .as(minutes)
                    .contains("Enter the time spent as minutes (0 to 1440)")
                    .contains("value=\"" + minutes + "\"");
        }
        assertThat(moments()).isZero();

        long id = saveMoment(
                student, MultipartForm.moment("2026-03-02", "Timed", "save").field("minutes", "1:30"));

        assertThat(db.select(LEARNING_MOMENT.MINUTES_SPENT)
                        .from(LEARNING_MOMENT)
                        .where(LEARNING_MOMENT.ID.eq(id))
                        .fetchSingle(LEARNING_MOMENT.MINUTES_SPENT))
                .isEqualTo(90);
    }

    @Test
    void theProgrammesRequiredFieldsApplyToAFinalSaveButNotToADraft() {
        new LearningLogRows(db).requireFields(course, "category,goals,minutes");

        HttpResponse<String> refused =
                send(student, "/student/log", MultipartForm.moment("2026-03-02", "Half done", "save"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains(
                        "Your programme asks for a category.",
                        "Your programme asks you to link at least one learning goal.",
                        "Your programme asks how much time you spent.",
                        "value=\"Half done\"");
        assertThat(moments()).isZero();

        long draft = saveMoment(student, MultipartForm.moment("2026-03-02", "Half done", "draft"));

        assertThat(db.select(LEARNING_MOMENT.DRAFT)
                        .from(LEARNING_MOMENT)
                        .where(LEARNING_MOMENT.ID.eq(draft))
                        .fetchSingle(LEARNING_MOMENT.DRAFT))
                .isTrue();
        assertThat(student.get("/student/log").body()).contains("Half done", "Draft");

        HttpResponse<String> finished = send(
                student,
                "/student/log/" + draft,
                MultipartForm.moment("2026-03-02", "Done", "save")
                        .field("categoryId", String.valueOf(category()))
                        .field("goalIds", String.valueOf(goal))
                        .field("minutes", "30"));

        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(db.select(LEARNING_MOMENT.DRAFT)
                        .from(LEARNING_MOMENT)
                        .where(LEARNING_MOMENT.ID.eq(draft))
                        .fetchSingle(LEARNING_MOMENT.DRAFT))
                .isFalse();
    }

    @Test
    void aCategoryGoalOrCompetencyOfAnotherCourseIsRefusedAndNothingIsSaved() {
        users.otherStudent().get("/student/log");
        long otherCourse = courseIdOf(users.otherStudent());
        long foreignCategory = db.fetch("select id from category where course_id = ?", otherCourse)
                .getFirst()
                .get(0, Long.class);
        long foreignGoal = new LearningLogRows(db).goal(otherCourse, null, "Other goal");
        long classmatesGoal =
                new LearningLogRows(db).goal(course, new LearningLogRows(db).person(), "A classmate's own goal");
        long foreignCompetency = new LearningLogRows(db).competency(otherCourse, "X1", "Other competency");

        HttpResponse<String> category = send(
                student,
                "/student/log",
                MultipartForm.moment("2026-03-02", "A", "draft").field("categoryId", String.valueOf(foreignCategory)));
        HttpResponse<String> goals = send(
                student,
                "/student/log",
                MultipartForm.moment("2026-03-02", "B", "draft")
                        .field("goalIds", String.valueOf(goal))
                        .field("goalIds", String.valueOf(foreignGoal)));
        HttpResponse<String> ownGoalOfClassmate = send(
                student,
                "/student/log",
                MultipartForm.moment("2026-03-02", "C", "draft").field("goalIds", String.valueOf(classmatesGoal)));
        HttpResponse<String> competencies = send(
                student,
                "/student/log",
                MultipartForm.moment("2026-03-02", "D", "draft")
                        .field("competencyIds", String.valueOf(foreignCompetency)));

        assertThat(category.statusCode()).isEqualTo(422);
        assertThat(category.body()).contains("Choose a category from the list.");
        assertThat(goals.statusCode()).isEqualTo(422);
        assertThat(goals.body()).contains("Choose learning goals from the list.");
        assertThat(ownGoalOfClassmate.statusCode()).isEqualTo(422);
        assertThat(competencies.statusCode()).isEqualTo(422);
        assertThat(competencies.body()).contains("Choose competencies from the list.");
        assertThat(moments()).isZero();
    }

    @Test
    void aFormWithManyTickedBoxesAndPeopleIsAccepted() {
        MultipartForm form = MultipartForm.moment("2026-03-02", "Busy day", "save");
        for (int i = 0; i < 40; i++) {
            long extra = new LearningLogRows(db).competency(course, "K" + i, "Competency " + i);
            form.field("competencyIds", String.valueOf(extra));
            form.field("personName", "Person " + i).field("personRole", "role " + i);
        }

        long id = saveMoment(student, form);

        assertThat(db.fetchCount(
                        nl.leerlog.schema.Tables.LEARNING_MOMENT_COMPETENCY,
                        nl.leerlog.schema.Tables.LEARNING_MOMENT_COMPETENCY.MOMENT_ID.eq(id)))
                .isEqualTo(40);
    }

    @Test
    void whatTheStudentWroteIsShownAsSafeHtml() {
        long id = saveMoment(
                student,
                MultipartForm.moment("2026-03-02", "Markdown", "save")
                        .field(
                                "body",
                                "**Bold** move\n\n<script>alert('x')</script>\n\n<img src=\"x.png\" onerror=\"alert(1)\">\n\n"
                                        + "[a link](javascript:alert(1)) and <a href=\"javascript:alert(2)\">another</a> "
                                        + "and [a real one](https://example.org)"));

        String page = student.get("/student/log/" + id).body();
        String stored = db.select(LEARNING_MOMENT.BODY_HTML)
                .from(LEARNING_MOMENT)
                .where(LEARNING_MOMENT.ID.eq(id))
                .fetchSingle(LEARNING_MOMENT.BODY_HTML);

        assertThat(stored)
                .contains("<strong>Bold</strong>", "href=\"https://example.org\"")
                .doesNotContain("<script", "onerror", "javascript:");
        assertThat(page)
                .contains("<strong>Bold</strong>")
                .doesNotContain("<script>alert", "onerror", "javascript:alert");
    }

    @Test
    void aSavedMomentShowsItsPageWithTheActionsOfTheLog() {
        long id = saveMoment(
                student,
                MultipartForm.moment("2026-03-02", "Parents' evening", "save")
                        .field("body", "Talked with parents")
                        .field("categoryId", String.valueOf(category()))
                        .field("personName", "Anna")
                        .field("personRole", "supervisor"));

        String page = student.get("/student/log/" + id).body();

        assertThat(page)
                .contains("Parents&#39; evening", "Talked with parents", "Practical work", "Anna (supervisor)")
                .contains("href=\"/student/reflections/new?moment=" + id + "\"")
                .contains(
                        "action=\"/student/saved\"",
                        "name=\"itemType\" value=\"MOMENT\"",
                        "name=\"itemRef\" value=\"" + id + "\"")
                .contains("href=\"/student/log/" + id + "/edit\"", "action=\"/student/log/" + id + "/delete\"");
        assertThat(student.get("/student/log/" + id + "/edit").body())
                .contains("value=\"Parents&#39; evening\"", "value=\"Anna\"", "Talked with parents");
    }

    @Test
    void theListFiltersAndSearchesFromTheQueryStringAndDeleteCanBeUndone() {
        assertThat(student.get("/student/log").body()).contains("Log your first learning moment");
        long first = saveMoment(
                student,
                MultipartForm.moment("2026-03-02", "Reading corner", "save")
                        .field("categoryId", String.valueOf(category())));
        saveMoment(student, MultipartForm.moment("2026-03-05", "Staff meeting", "draft"));

        assertThat(student.get("/student/log?q=READING").body())
                .contains("Reading corner")
                .doesNotContain("Staff meeting");
        assertThat(student.get("/student/log?drafts=on").body())
                .contains("Staff meeting")
                .doesNotContain("Reading corner");
        assertThat(student.get("/student/log?from=2026-03-03&to=2026-03-31").body())
                .contains("Staff meeting")
                .doesNotContain("Reading corner");
        assertThat(student.get("/student/log?category=" + category()).body())
                .contains("Reading corner")
                .doesNotContain("Staff meeting");
        HttpResponse<String> resultsOnly = student.browser()
                .send(student.request("/student/log?q=staff")
                        .header("HX-Target", "moment-results")
                        .GET());
        assertThat(resultsOnly.body()).contains("Staff meeting").doesNotContain("<html", "Reading corner");
        HttpResponse<String> badDate = student.get("/student/log?from=yesterday");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("Enter a date as year-month-day", "value=\"yesterday\"");

        HttpResponse<String> deleted =
                shown(student, student.post("/student/log/" + first + "/delete", java.util.Map.of()));

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).contains("Deleted: Reading corner", "action=\"/student/log/" + first + "/restore\"");
        assertThat(student.get("/student/log?q=reading").body()).doesNotContain("Reading corner</a>");

        HttpResponse<String> restored =
                shown(student, student.post("/student/log/" + first + "/restore", java.util.Map.of()));

        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(restored.body()).contains("Restored: Reading corner");
        assertThat(student.get("/student/log?q=reading").body()).contains("Reading corner</a>");
    }
}
