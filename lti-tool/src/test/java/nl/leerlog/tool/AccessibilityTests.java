package nl.leerlog.tool;

import static nl.leerlog.schema.Tables.ANALYTICS_SETTING;
import static nl.leerlog.schema.Tables.CAFE_GROUP;
import static nl.leerlog.schema.Tables.MAIL_OUTBOX;
import static nl.leerlog.tool.AxeChecks.WCAG_AA;
import static nl.leerlog.tool.AxeChecks.describe;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.analytics.internal.CheckIns;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The learning-log pages meet WCAG 2.2 AA as far as axe-core can tell: every student and teacher page, filled with
 * a moment, a reflection, a saved item and internship data, on a desktop and on a phone-sized screen, has no
 * violation of the WCAG 2.0, 2.1 and 2.2 A and AA rules.
 */
class AccessibilityTests extends LaunchedCourseTests {

    @Autowired
    InternshipTeachers links;

    @Autowired
    CheckIns checkIns;

    private static final Pattern MOMENT_URL = Pattern.compile(".*/student/log/(\\d+)$");
    private static final Pattern REFLECTION_URL = Pattern.compile("/student/reflections/(\\d+).*");

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startChromium() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(DebianChromium.launchOptions());
    }

    @AfterAll
    static void stopChromium() {
        if (playwright != null) {
            playwright.close();
        }
    }

    private final PageProblems problems = new PageProblems();
    private final SoftAssertions softly = new SoftAssertions();
    private BrowserContext context;
    private Page page;
    private String base;
    private CourseUsers users;
    private LaunchedUser student;

    @BeforeEach
    void aStudentWithAFilledLearningLog() {
        base = "http://localhost:" + port;
        users = launchCourse();
        student = users.student();
        long course = courseIdOf(student);
        rows().goal(course, null, "Lead a class");
        rows().competency(course, "C1", "Pedagogy");
        assertThat(student.post("/student/goals", Map.of("kind", "QUESTION", "title", "How do I calm a class?"))
                        .statusCode())
                .as("own question saved")
                .isEqualTo(302);
        assertThat(student.post(
                                "/student/internship",
                                Map.of(
                                        "organisation",
                                        "Zorghuis De Linde",
                                        "supervisorName",
                                        "Ineke Bakker",
                                        "supervisorEmail",
                                        "ineke@zorghuis.example.nl",
                                        "startsOn",
                                        LocalDate.now().minusDays(10).toString(),
                                        "endsOn",
                                        LocalDate.now().plusDays(63).toString(),
                                        "assignment",
                                        "Een dagprogramma ontwerpen"))
                        .statusCode())
                .as("internship saved")
                .isEqualTo(302);
    }

    @AfterEach
    void noCspViolationsOrScriptErrors() {
        problems.assertNoneAndClose(context);
    }

    @Test
    void everyStudentPageHasNoWcagViolationOnADesktopOrAPhone() {
        openAs(student);

        // The moment is logged through the form, with a category and a person.
        page.navigate(base + "/student/log/new");
        page.getByLabel("Title").fill("Reading corner");
        page.getByLabel("Category").selectOption(new SelectOption().setIndex(1));
        page.getByLabel("What happened?").fill("We built a **reading corner** with the children.");
        page.getByLabel("Name of person 1").fill("Anna de Vries");
        page.getByLabel("Role of person 1").fill("workplace supervisor");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true))
                .click();
        page.waitForURL(MOMENT_URL);
        Matcher momentUrl = MOMENT_URL.matcher(page.url());
        assertThat(momentUrl.matches()).as("moment URL " + page.url()).isTrue();
        long moment = Long.parseLong(momentUrl.group(1));
        assertThat(page.locator("main").textContent()).contains("Anna de Vries", "workplace supervisor");

        String location = redirectOf(student.post(
                "/student/reflections",
                Map.of(
                        "modelId",
                        Long.toString(rows().builtInModel("feedback")),
                        "momentId",
                        Long.toString(moment),
                        "title",
                        "Speaking up",
                        "answer-feedback",
                        "I waited too long.",
                        "answer-feed-forward",
                        "Next time I say it in the meeting.",
                        "action",
                        "save")));
        Matcher reflectionUrl = REFLECTION_URL.matcher(location);
        assertThat(reflectionUrl.matches()).as("reflection URL " + location).isTrue();
        long reflection = Long.parseLong(reflectionUrl.group(1));
        redirectOf(student.post(
                "/student/saved",
                Map.of(
                        "itemType",
                        "REFLECTION",
                        "itemRef",
                        Long.toString(reflection),
                        "note",
                        "Use this in my portfolio")));
        redirectOf(student.post("/student/saved", Map.of("itemType", "MOMENT", "itemRef", Long.toString(moment))));
        // Two low weeks of check-ins: the insights page shows the low-wellbeing tip too.
        checkIns.save(ownerOf(student), LocalDate.now().minusWeeks(1), 2, 4, 2, null, Instant.now());
        checkIns.save(ownerOf(student), LocalDate.now(), 2, 4, 2, null, Instant.now());

        for (String path : List.of(
                "/student/log",
                "/student/log/new",
                "/student/log/" + moment,
                "/student/reflections",
                "/student/reflections/new",
                "/student/reflections/" + reflection,
                "/student/saved",
                "/student/goals",
                "/student/guidance",
                "/student/cafe",
                "/student/internship",
                "/student/privacy",
                "/student/privacy/sharing",
                "/student/privacy/reads",
                "/student/privacy/delete",
                "/privacy",
                "/student/insights")) {
            page.navigate(base + path);
            checkAtBothSizes(path);
        }

        // In a course that asks consent: the consent question with the opt-in to the course's figures.
        db.insertInto(ANALYTICS_SETTING)
                .set(ANALYTICS_SETTING.COURSE_ID, courseIdOf(student))
                .set(ANALYTICS_SETTING.CONSENT_REQUIRED, true)
                .set(ANALYTICS_SETTING.UPDATED_AT, OffsetDateTime.now())
                .execute();
        page.navigate(base + "/student/insights");
        checkAtBothSizes("/student/insights asking consent");
        redirectOf(student.post("/student/insights/consent", Map.of()));
        page.navigate(base + "/student/insights");
        checkAtBothSizes("/student/insights with consent given");

        // A final save without a title: the form comes back with its errors (status 422).
        problems.expect("status of 422");
        page.navigate(base + "/student/log/new");
        page.waitForResponse(
                r -> r.url().equals(base + "/student/log") && r.status() == 422,
                () -> page.getByRole(
                                AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName("Save").setExact(true))
                        .click());
        page.locator("#title-error").waitFor();
        checkAtBothSizes("/student/log/new refused without a title");

        softly.assertAll();
    }

    @Test
    void everyTeacherPageHasNoWcagViolationOnADesktopOrAPhone() {
        long studentId = userIdOf(student);
        links.link(courseIdOf(student), List.of(studentId), userIdOf(users.teacher()), Instant.now());
        long teacherId = userIdOf(users.teacher());
        redirectOf(users.teacher()
                .post("/teacher/cafe/groups", Map.of("name", "Café Noord", "coachId", Long.toString(teacherId))));
        long group = db.select(CAFE_GROUP.ID)
                .from(CAFE_GROUP)
                .where(CAFE_GROUP.COURSE_ID.eq(courseIdOf(student)))
                .fetchSingle(CAFE_GROUP.ID);
        redirectOf(users.teacher()
                .post("/teacher/cafe/groups/" + group + "/members", Map.of("student", Long.toString(studentId))));
        String cafe = users.teacher().get("/teacher/cafe").body();
        String channel = cafe.replaceAll("(?s).*?(/cafe/channels/\\d+).*", "$1");
        redirectOf(student.post(channel + "/messages", Map.of("body", "Hoe gaat het bij jullie?")));
        redirectOf(users.teacher()
                .post(
                        "/teacher/cafe/groups/" + group + "/meeting",
                        Map.of(
                                "weekday",
                                "TUESDAY",
                                "time",
                                "16:00",
                                "duration",
                                "60",
                                "link",
                                "https://meet.example.nl/cafe-noord")));
        // Five students in all: the course view shows its figures.
        for (int i = 0; i < 4; i++) {
            classmateOf(student);
        }
        openAs(users.teacher());

        for (String path : List.of(
                "/teacher/dashboard",
                "/teacher/dashboard?colour=grey&q=a",
                "/teacher/dashboard/settings",
                "/teacher/notifications",
                "/teacher/students/" + studentId + "/snooze",
                "/teacher/guidance",
                "/teacher/templates",
                "/teacher/students/" + studentId,
                "/teacher/programme",
                "/teacher/students",
                "/teacher/students/teachers",
                "/teacher/students/" + studentId + "/internship",
                "/teacher/cafe",
                "/teacher/cafe/groups",
                "/teacher/cafe/groups/" + group + "/meeting",
                "/teacher/insights",
                "/teacher/insights/tips",
                "/teacher/insights/settings",
                "/teacher/insights/tips/new",
                "/teacher/insights/tips/log-regularly",
                channel)) {
            page.navigate(base + path);
            checkAtBothSizes(path);
        }

        softly.assertAll();
    }

    @Test
    void theSupervisorLinkPagesHaveNoWcagViolationOnADesktopOrAPhone() {
        rows().moment(ownerOf(student), "Story circle", "We read a story together.");
        openAs(student);
        page.navigate(base + "/student/privacy/supervisor");
        checkAtBothSizes("/student/privacy/supervisor");
        page.getByLabel("Story circle").check();
        page.getByLabel("Your supervisor's name").fill("Jan de Boer");
        page.getByLabel("A question for them (optional)").fill("How did I lead the story circle?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the link"))
                .click();
        page.locator("#supervisor-link").waitFor();
        checkAtBothSizes("/student/privacy/supervisor, the link made");
        String link = page.locator("#supervisor-link").inputValue();

        // The supervisor's own browser, without the student's session.
        context.close();
        context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-GB"));
        page = problems.openWatched(context);
        page.navigate(link);
        checkAtBothSizes("/supervisor/{token}");

        problems.expect("status of 422");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answer"))
                .click();
        page.locator("#answer-text-error").waitFor();
        checkAtBothSizes("/supervisor/{token} refused without an answer");

        problems.expect("status of 404");
        page.navigate(base + "/supervisor/" + "A".repeat(43));
        checkAtBothSizes("/supervisor/{token} not found");

        softly.assertAll();
    }

    @Test
    void theAdminConsolesMailOutboxHasNoWcagViolationOnADesktopOrAPhone() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (String status : List.of("FAILED", "QUEUED")) {
            db.insertInto(MAIL_OUTBOX)
                    .set(MAIL_OUTBOX.IDEMPOTENCY_KEY, "accessibility:" + UUID.randomUUID())
                    .set(MAIL_OUTBOX.MESSAGE_ID, "<" + UUID.randomUUID() + "@leerlog.test>")
                    .set(MAIL_OUTBOX.KIND, "question-sent")
                    .set(MAIL_OUTBOX.TO_ADDRESS, "ahmed.yilmaz@school.example")
                    .set(MAIL_OUTBOX.SUBJECT, "Sanne de Vries heeft je een vraag gesteld")
                    .set(MAIL_OUTBOX.TEXT_BODY, "Hallo")
                    .set(MAIL_OUTBOX.HTML_BODY, "<p>Hallo</p>")
                    .set(MAIL_OUTBOX.STATUS, status)
                    .set(MAIL_OUTBOX.ATTEMPTS, 8)
                    .set(MAIL_OUTBOX.LAST_ERROR, "MailConnectException: Couldn't connect to host, port: 25")
                    .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now.plusDays(1))
                    .set(MAIL_OUTBOX.CREATED_AT, now)
                    .execute();
        }
        context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-GB"));
        page = problems.openWatched(context);
        page.navigate(base + "/admin/outbox");
        page.locator("#username").fill("admin");
        page.locator("#password").fill("leerlog-dev");
        page.locator("form.login-form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/admin/login"));
        page.navigate(base + "/admin/outbox");
        assertThat(page.locator("#failed-mails .outbox-mail").count()).isPositive();

        checkAtBothSizes("/admin/outbox");
        db.deleteFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.IDEMPOTENCY_KEY.like("accessibility:%"))
                .execute();

        softly.assertAll();
    }

    @Test
    void theCheckReportsAViolationWithItsRuleHelpAndTarget() {
        context = browser.newContext();
        page = problems.openWatched(context);
        page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head>"
                + "<body><main><h1>Broken</h1><input id=\"unlabelled\" type=\"text\"></main></body></html>");

        AxeResults results = new AxeBuilder(page).withTags(WCAG_AA).analyze();

        assertThat(describe(results.getViolations()))
                .contains("- label: Form elements must have labels", "[#unlabelled]");
    }

    /** A browser that has taken over the launched person's session cookie, as in the programme browser tests. */
    private void openAs(LaunchedUser person) {
        context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-GB"));
        context.addCookies(person.browserCookies(base));
        page = problems.openWatched(context);
    }

    /** Runs axe on the page as it is, at 1280x800 and at 360x740, and notes every violation under the page's name. */
    private void checkAtBothSizes(String pageName) {
        for (int[] size : new int[][] {{1280, 800}, {360, 740}}) {
            page.setViewportSize(size[0], size[1]);
            AxeResults results = new AxeBuilder(page).withTags(WCAG_AA).analyze();
            softly.assertThat(results.isErrored())
                    .as("axe ran on %s: %s", pageName, results.getErrorMessage())
                    .isFalse();
            softly.assertThat(results.getPasses())
                    .as("rules axe checked and passed on %s", pageName)
                    .isNotEmpty();
            softly.assertThat(describe(results.getViolations()))
                    .as("WCAG 2.2 AA violations on %s at %dx%d", pageName, size[0], size[1])
                    .isEmpty();
        }
    }
}
