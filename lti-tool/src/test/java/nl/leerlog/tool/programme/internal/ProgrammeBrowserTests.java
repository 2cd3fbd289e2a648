package nl.leerlog.tool.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.UUID;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.DebianChromium;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.PageProblems;
import nl.leerlog.tool.programme.Choice;
import nl.leerlog.tool.programme.ProgrammeCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coordinator sets up the programme on a phone-sized screen with the keyboard alone: the page fits 360 px,
 * every step is reachable with Tab, arrows and Enter, and nothing breaks the content security policy.
 */
class ProgrammeBrowserTests extends LaunchedCourseTests {

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

    @Autowired
    ProgrammeCatalog catalog;

    private final PageProblems problems = new PageProblems();
    private BrowserContext context;
    private Page page;
    private String base;
    private long courseId;

    @BeforeEach
    void teacherOnAPhone() {
        base = "http://localhost:" + port;
        // The launch itself is proven elsewhere; here the browser takes over the launched teacher's session cookie.
        LaunchedUser teacher = launch("course-" + UUID.randomUUID(), TestPlatform.INSTRUCTOR, "en");
        courseId = courseIdOf(teacher);
        context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("en-GB"));
        context.addCookies(teacher.browserCookies(base));
        page = problems.openWatched(context);
    }

    @AfterEach
    void noCspViolationsOrScriptErrors() {
        problems.assertNoneAndClose(context);
    }

    @Test
    void aCoordinatorAddsACategoryAndChoosesKorthagenWithTheKeyboardOnA360PixelScreen() {
        page.navigate(base + "/teacher/programme");
        assertThat(page.locator("h1").textContent()).isEqualTo("Programme");
        assertFitsTheScreen();

        tabTo("#new-category");
        page.keyboard().type("Intervision");
        page.waitForResponse(
                r -> r.url().equals(base + "/teacher/programme") && r.status() == 200,
                () -> page.keyboard().press("Enter"));
        page.locator("input[value='Intervision']").waitFor();
        assertThat(catalog.categories(courseId))
                .extracting(Choice::label)
                .last()
                .isEqualTo("Intervision");

        // Tab enters the radio group on the chosen model (feedback); the arrow moves the choice to Korthagen.
        tabTo("input[name=modelId]:checked");
        page.keyboard().press("ArrowDown");
        assertThat(focusedLabel()).contains("Korthagen");
        page.keyboard().press("Tab");
        assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("Use the chosen model");
        page.waitForResponse(
                r -> r.url().equals(base + "/teacher/programme") && r.status() == 200,
                () -> page.keyboard().press("Enter"));
        page.locator("input[name=modelId]:checked + label:has-text('Korthagen')")
                .waitFor();

        long korthagen = catalog.reflectionModelId(courseId);
        assertThat(page.locator("#model-" + korthagen + "-steps li").allTextContents())
                .hasSize(5)
                .first()
                .asString()
                .startsWith("Action");
        assertFitsTheScreen();
    }

    @Test
    void aRefusedCategoryShowsItsMessageLinkedToTheFieldAndKeepsTheInput() {
        // Chromium logs every error status on the console; this one is the refusal the test provokes.
        problems.expect("status of 422");
        page.navigate(base + "/teacher/programme");

        tabTo("#new-category");
        page.keyboard().type("Other");
        page.waitForResponse(
                r -> r.url().equals(base + "/teacher/programme/categories") && r.status() == 422,
                () -> page.keyboard().press("Enter"));
        Locator error = page.locator("#new-category-error");
        error.waitFor();

        assertThat(error.textContent()).isEqualTo("This course already has a category with this name.");
        assertThat(page.locator("#new-category").inputValue()).isEqualTo("Other");
        assertThat(page.locator("#new-category").getAttribute("aria-describedby"))
                .isEqualTo("new-category-error");
        assertFitsTheScreen();
    }

    @Test
    void aCsvFileIsUploadedThroughTheBoostedFormAndTheReportShown() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("kader", ".csv");
        java.nio.file.Files.writeString(file, "\uFEFFcode;naam;beschrijving\r\nKT1;Communiceren;\r\n;Geen code;\r\n");
        page.navigate(base + "/teacher/programme");

        page.locator("#import-file").setInputFiles(file);
        tabTo("#import-file");
        page.keyboard().press("Tab");
        page.waitForResponse(
                r -> r.url().equals(base + "/teacher/programme/competencies/import") && r.status() == 200,
                () -> page.keyboard().press("Enter"));
        page.locator(".import-report").waitFor();

        assertThat(page.locator(".import-report p").textContent())
                .isEqualTo("Imported: 1 added, 0 updated, 1 row refused.");
        assertThat(page.locator(".refused-rows li").allTextContents())
                .containsExactly("Line 3, code: Please fill this in.");
        assertThat(catalog.competencies(courseId)).extracting(Choice::code).containsExactly("KT1");
        java.nio.file.Files.delete(file);
    }

    /** Presses Tab until the element matching {@code selector} has the focus, as a keyboard user would. */
    private void tabTo(String selector) {
        for (int presses = 0; presses < 300; presses++) {
            if ((Boolean) page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector)) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    private String focusedLabel() {
        return (String) page.evaluate("document.activeElement.labels[0].textContent");
    }

    private void assertFitsTheScreen() {
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .as("page width")
                .isLessThanOrEqualTo(360);
    }
}
