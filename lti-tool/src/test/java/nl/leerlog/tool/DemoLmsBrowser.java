package nl.leerlog.tool;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.COURSE;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import nl.leerlog.tool.identity.Owner;
import org.assertj.core.api.SoftAssertions;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A student's pages as they really run: the demo LMS's course page on the school's own domain
 * {@code school.localhost} (its issuer and authorization endpoint on {@code lms.localhost}) opens the tool on
 * {@code tool.localhost} in its frame, in a Chromium that blocks third-party cookies (see
 * {@code DemoLmsBrowserTests}). Every page must load without a CSP violation or a script error. Subclasses share
 * this class's application, so the machine starts it once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
public abstract class DemoLmsBrowser {

    private static final int PORT = freePort();
    protected static final String LMS = "http://lms.localhost:" + PORT;
    /** The school's own LMS domain, where the course page that frames the tool lives (as with Canvas cloud). */
    protected static final String SCHOOL = "http://school.localhost:" + PORT;

    protected static final String TOOL = "http://tool.localhost:" + PORT;
    /** The demo LMS's Dutch-speaking student and its one course. */
    protected static final String STUDENT_SUBJECT = "demo-student-sanne";

    protected static final String DEMO_COURSE = "demo-course-stage";

    @DynamicPropertySource
    static void demoOnTwoSites(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("leerlog.demo.enabled", () -> "true");
        registry.add("leerlog.demo.lms-url", () -> LMS);
        registry.add("leerlog.demo.tool-url", () -> TOOL);
        registry.add("leerlog.demo.course-url", () -> SCHOOL);
    }

    @TempDir
    static Path profileDirectory;

    private static Playwright playwright;
    private static BrowserContext profileContext;
    private static Browser browser;

    @Autowired
    protected DSLContext db;

    protected final PageProblems problems = new PageProblems();
    protected BrowserContext context;
    protected Page page;

    /** A failed test leaves a screenshot and the frames' addresses in target/screenshots. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = test -> {
        if (test.getExecutionException().isPresent() && page != null && !page.isClosed()) {
            Path directory = Files.createDirectories(Paths.get("target", "screenshots"));
            String name = ("failed-" + getClass().getSimpleName() + "-"
                            + test.getRequiredTestMethod().getName() + "-" + test.getDisplayName())
                    .replaceAll("[^A-Za-z0-9-]+", "_");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(directory.resolve(name + ".png"))
                    .setFullPage(true));
            Files.write(
                    directory.resolve(name + ".txt"),
                    page.frames().stream()
                            .map(frame -> "frame '" + frame.name() + "': " + frame.url())
                            .toList());
        }
    };

    @BeforeAll
    static void startChromiumBlockingThirdPartyCookies() throws IOException {
        playwright = Playwright.create();
        profileContext = DebianChromium.blockingThirdPartyCookies(playwright, profileDirectory);
        browser = profileContext.browser();
    }

    @AfterAll
    static void stopChromium() {
        if (profileContext != null) {
            profileContext.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A fresh browser window of {@code width} by {@code height}, in Dutch like the demo's student. */
    protected void openWindow(int width, int height) {
        openWindow(
                new Browser.NewContextOptions().setViewportSize(width, height).setLocale("nl-NL"));
    }

    /**
     * A fresh browser window with {@code options} (size, language, downloads), watched for page problems; each of
     * {@code initScripts} runs in every frame before the page's own scripts.
     */
    protected void openWindow(Browser.NewContextOptions options, String... initScripts) {
        context = browser.newContext(options);
        for (String script : initScripts) {
            context.addInitScript(script);
        }
        page = problems.openWatched(context);
    }

    @AfterEach
    void noCspViolationsOrScriptErrors() {
        problems.assertNoneAndClose(context);
    }

    /** Opens the demo LMS and launches its Dutch student into the frame; returns the tool's frame. */
    protected FrameLocator launchStudent() {
        return launch("STUDENT", "STUDENT");
    }

    /** Opens the demo LMS and launches its English-speaking student into the frame; returns the tool's frame. */
    protected FrameLocator launchEnglishStudent() {
        return launch("STUDENT_EN", "STUDENT");
    }

    /** Opens the demo LMS and launches its (Dutch-speaking) teacher into the frame; returns the tool's frame. */
    protected FrameLocator launchTeacher() {
        return launch("TEACHER", "TEACHER");
    }

    /** Opens the demo LMS and launches its second teacher, Marieke Visser, into the frame; returns the tool's frame. */
    protected FrameLocator launchSecondTeacher() {
        return launch("TEACHER_2", "TEACHER");
    }

    /**
     * As {@link #launchStudent()}, with the keyboard alone: Enter on the LMS's launch button (platform storage is
     * the LMS's default). The focus stays on that button, so the next Tab enters the tool's frame.
     */
    protected FrameLocator launchStudentWithTheKeyboard() {
        page.navigate(SCHOOL + "/");
        page.locator("#launch-form button[data-person=STUDENT]").focus();
        page.keyboard().press("Enter");
        return framedAs("STUDENT");
    }

    /** Launches the demo LMS's {@code person} and waits until the tool's frame shows them in {@code role}. */
    private FrameLocator launch(String person, String role) {
        page.navigate(SCHOOL + "/");
        page.locator("input[name=lti_storage_target][value='post_message_forwarding']")
                .check();
        page.locator("#launch-form button[data-person=" + person + "]").click();
        return framedAs(role);
    }

    private FrameLocator framedAs(String role) {
        FrameLocator tool = page.frameLocator("#tool-frame");
        tool.locator("body[data-role=" + role + "]").waitFor();
        return tool;
    }

    /**
     * Waits until htmx has taken over the element matching {@code selector} in the tool's frame after a swap:
     * typing before that would send no request, as a person could not type that fast.
     */
    protected void waitForHtmx(String selector) {
        page.frame("tool-frame")
                .waitForFunction(
                        "s => { const e = document.querySelector(s); "
                                + "return e !== null && e['htmx-internal-data'] !== undefined && !document.body.classList.contains('htmx-settling'); }",
                        selector);
    }

    /** The launched demo student's records, to arrange or check rows directly. */
    protected Owner demoStudent() {
        long userId = db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.SUBJECT.eq(STUDENT_SUBJECT))
                .fetchSingle(APP_USER.ID);
        return Owner.of(LearningLogRows.student(userId, demoCourse(), Locale.forLanguageTag("nl")));
    }

    protected long demoCourse() {
        return db.select(COURSE.ID)
                .from(COURSE)
                .where(COURSE.CONTEXT_ID.eq(DEMO_COURSE))
                .fetchSingle(COURSE.ID);
    }

    /** The programme of the demo course reflects with the built-in model {@code key}, as a coordinator would set. */
    protected void courseReflectsWith(String key) {
        long model = new LearningLogRows(db).builtInModel(key);
        long course = demoCourse();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (db.execute(
                        "update programme set reflection_model_id = ?, updated_at = ? where course_id = ?",
                        model,
                        now,
                        course)
                == 0) {
            db.execute(
                    "insert into programme (course_id, reflection_model_id, updated_at) values (?, ?, ?)",
                    course,
                    model,
                    now);
        }
    }

    /**
     * Runs axe-core over the LMS page with the tool's frame, and records in {@code axe} that it ran, that it reached
     * into the frame, and any WCAG 2.2 AA violation of {@code pageName}.
     */
    protected void checkAxe(SoftAssertions axe, String pageName) {
        AxeResults results = new AxeBuilder(page)
                .include(List.of("#tool-frame", "html"))
                .withTags(AxeChecks.WCAG_AA)
                .analyze();
        axe.assertThat(results.isErrored())
                .as("axe ran on %s: %s", pageName, results.getErrorMessage())
                .isFalse();
        axe.assertThat(results.getPasses().stream()
                        .flatMap(rule -> rule.getNodes().stream())
                        .anyMatch(node -> node.getTarget().toString().contains("#tool-frame")))
                .as("axe checked the tool's frame on %s", pageName)
                .isTrue();
        axe.assertThat(AxeChecks.describe(results.getViolations()))
                .as("WCAG 2.2 AA violations on %s", pageName)
                .isEmpty();
    }

    /** Waits until a page of the tool has loaded or been swapped in by htmx, and htmx has taken it over. */
    protected void settled() {
        page.frame("tool-frame")
                .waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'"
                        + " && !document.body.classList.contains('htmx-settling')"
                        + " && !document.body.classList.contains('htmx-swapping')");
    }

    /** Waits until the tool's main content says {@code text}, and the page has settled. */
    protected void waitForMain(FrameLocator tool, String text) {
        page.waitForCondition(() -> tool.locator("main").textContent().contains(text));
        settled();
    }

    /** Waits until the tool shows the page headed {@code heading}, and the page has settled. */
    protected void arrived(FrameLocator tool, String heading) {
        waitForText(tool.locator("h1"), heading);
        settled();
    }

    protected static void waitForText(Locator element, String text) {
        element.page()
                .waitForCondition(() -> element.count() > 0
                        && text.equals(element.first().textContent().strip()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
