package nl.leerlog.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The README's screenshots, taken in the demo course as a newcomer finds it (the sample interns, their logs and
 * threads), never with data a test wrote. Not part of {@code ./mvnw verify} (the class name matches no test
 * pattern); after a change to the pages run
 * <pre>
 * ./mvnw -pl lti-tool -am test -Dtest=ReadmeScreenshots -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * and the files in {@code src/docs/} are replaced.
 */
@TestPropertySource(properties = "leerlog.demo.sample-course=true")
@DirtiesContext // its own application on the demo's port: closed before another browser test needs the port
class ReadmeScreenshots extends DemoLmsBrowser {

    private static final Path DOCS = Paths.get("..", "src", "docs");

    @Test
    void aStudentsLearningLog() {
        openWindow(1280, 900);
        FrameLocator tool = launchStudent();
        tool.locator("h1").getByText("Je logboek").waitFor();
        tool.getByText("Wisbordjes uitgeprobeerd").first().waitFor();

        save("screenshot.png");
    }

    @Test
    void theInternshipTeachersPageOfAnIntern() {
        openWindow(1280, 900);
        FrameLocator tool = launchTeacher();
        tool.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new FrameLocator.GetByRoleOptions().setName("Sanne de Vries"))
                .first()
                .click();
        tool.locator("h1").getByText("Sanne de Vries").waitFor();

        save("screenshot-teacher.png");
    }

    private void save(String name) {
        page.evaluate("document.activeElement.blur()");
        Path file = DOCS.resolve(name);
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        assertThat(file).isNotEmptyFile();
    }
}
