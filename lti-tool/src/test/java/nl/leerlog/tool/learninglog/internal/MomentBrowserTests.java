package nl.leerlog.tool.learninglog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import nl.leerlog.tool.DemoLmsBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The learning log in Chromium, inside the demo LMS's frame with third-party cookies blocked, on a phone-sized
 * screen: only htmx requests carry the session there. Field errors, filters, delete with undo and evidence
 * downloads must all work that way, without a CSP violation or a script error.
 */
class MomentBrowserTests extends DemoLmsBrowser {

    @BeforeEach
    void phoneSizedBrowser() {
        openWindow(new Browser.NewContextOptions()
                .setViewportSize(360, 740)
                .setLocale("en-GB")
                .setAcceptDownloads(true));
    }

    @Test
    void aStudentLogsAMomentWithEvidenceFindsItDeletesItAndUndoes() {
        // Chromium reports every error status on the console; this one is the form with field errors.
        problems.expect("the server responded with a status of 422");
        String title = "Reading corner " + UUID.randomUUID().toString().substring(0, 8);
        FrameLocator tool = launchEnglishStudent();
        tool.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("Log a learning moment"))
                .first()
                .click();
        tool.getByLabel("Title").waitFor();
        waitForHtmx("form.moment-form");

        tool.getByLabel("Time spent").fill("1:30");
        tool.getByRole(
                        AriaRole.BUTTON,
                        new FrameLocator.GetByRoleOptions().setName("Save").setExact(true))
                .click();

        Locator titleError = tool.locator("#title-error");
        titleError.waitFor();
        assertThat(titleError.textContent()).isEqualTo("Give the learning moment a title.");
        assertThat(tool.getByLabel("Title").getAttribute("aria-describedby")).isEqualTo("title-error");
        assertThat(tool.getByLabel("Time spent").inputValue()).isEqualTo("1:30");
        // Focus moves to the list of errors once htmx has settled the new page (times out otherwise).
        page.frame("tool-frame").waitForFunction("() => document.activeElement.id === 'error-summary'");
        screenshot("learning-log-form-errors");

        tool.getByLabel("Title").fill(title);
        tool.getByLabel("What happened?").fill("We built a **reading corner** with the children.");
        tool.getByLabel("Name of person 1").fill("Anna de Vries");
        tool.getByLabel("Role of person 1").fill("workplace supervisor");
        tool.getByLabel("Evidence files")
                .setInputFiles(new FilePayload(
                        "notes.txt", "text/plain", "What my supervisor said".getBytes(StandardCharsets.UTF_8)));
        tool.getByRole(
                        AriaRole.BUTTON,
                        new FrameLocator.GetByRoleOptions().setName("Save").setExact(true))
                .click();

        tool.getByRole(AriaRole.HEADING, new FrameLocator.GetByRoleOptions().setName(title))
                .waitFor();
        assertThat(tool.locator(".moment-body strong").textContent()).isEqualTo("reading corner");
        assertThat(page.frame("tool-frame").url()).matches(TOOL + "/student/log/\\d+");
        assertFitsTheScreen(tool);
        screenshot("learning-log-moment");

        Download download = page.waitForDownload(
                () -> tool.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("notes.txt"))
                        .click());
        assertThat(download.suggestedFilename()).isEqualTo("notes.txt");
        assertThat(read(download)).isEqualTo("What my supervisor said");

        tool.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("Back to your learning log"))
                .click();
        tool.locator("form.log-filters").waitFor();
        waitForHtmx("form.log-filters");
        tool.getByLabel("Search").fill("no such moment");
        tool.locator("#moment-results .empty-state").waitFor();
        tool.getByLabel("Search").fill("READING");
        Locator found = tool.locator("#moment-results .moment-title");
        found.first().waitFor();
        assertThat(found.allTextContents()).containsExactly(title);
        assertThat(page.frame("tool-frame").url()).endsWith("/student/log?q=READING");
        assertFitsTheScreen(tool);
        screenshot("learning-log-list");

        found.first().click();
        tool.getByRole(
                        AriaRole.BUTTON,
                        new FrameLocator.GetByRoleOptions().setName("Delete").setExact(true))
                .click();
        Locator notice = tool.locator(".undo-notice");
        notice.waitFor();
        assertThat(notice.textContent()).contains("Deleted: " + title);
        assertThat(tool.locator("#moment-results").textContent()).doesNotContain(title);

        tool.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Undo"))
                .click();
        tool.getByRole(AriaRole.HEADING, new FrameLocator.GetByRoleOptions().setName(title))
                .waitFor();
        assertThat(tool.locator(".notice-success").textContent()).contains("Restored: " + title);
    }

    /** Nothing sticks out sideways at 360 px: no horizontal scrolling inside the frame. */
    private static void assertFitsTheScreen(FrameLocator tool) {
        Object overflow = tool.locator("body")
                .evaluate("b => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("horizontal overflow in px")
                .isLessThanOrEqualTo(0);
    }

    /** Pages as a person sees them, in target/screenshots, for a look at the layout on a phone. */
    private void screenshot(String name) {
        page.frameLocator("#tool-frame")
                .locator("main")
                .screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")));
    }

    private static String read(Download download) {
        try {
            return Files.readString(download.path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
