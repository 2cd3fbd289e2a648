package nl.leerlog.tool.reflection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leerlog.tool.DemoLmsBrowser;
import org.junit.jupiter.api.Test;

/**
 * A student reflects in the LMS frame: a guided Korthagen form, a mistake put right, the reflection saved to Saved
 * and found again; and the same form at 360 pixels wide, filled in with the keyboard alone.
 */
class ReflectionBrowserTests extends DemoLmsBrowser {

    /** Korthagen's five phases as the Dutch form labels them, with what the student writes. */
    private static final Map<String, String> KORTHAGEN = new LinkedHashMap<>();

    static {
        KORTHAGEN.put("Handelen", "Ik wilde de ouders rustig uitleggen hoe hun kind ervoor staat.");
        KORTHAGEN.put("Terugblikken", "De vader werd boos en ik ging sneller praten.");
        KORTHAGEN.put("Bewustwording van essentiële aspecten", "Ik voelde me aangevallen en wilde het snel afronden.");
        KORTHAGEN.put("Alternatieven", "Eerst vragen wat hij bedoelt, en stiltes laten vallen.");
        KORTHAGEN.put("Uitproberen", "Volgende week bij het gesprek met de moeder van Daan.");
    }

    @Test
    void studentReflectsWithKorthagenSavesItAndFindsItAgainInSaved() {
        openWindow(1280, 900);
        FrameLocator tool = launchStudent();
        courseReflectsWith("korthagen");
        String title = "Oudergesprek " + UUID.randomUUID().toString().substring(0, 6);

        tool.locator(".app-nav").getByText("Reflecties").click();
        waitForText(tool.locator("h1"), "Reflecties");
        tool.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("Nieuwe reflectie"))
                .click();
        waitForText(tool.locator("h1"), "Nieuwe reflectie");
        assertThat(tool.locator("main").textContent())
                .contains("Reflectiemodel: Korthagen (reflectiecirkel)", "Stap 1 van 5", "Wat wilde je bereiken");

        // A final save with the last phase left empty comes back with a message there and everything kept.
        problems.expect("status of 422");
        tool.getByLabel("Titel", new FrameLocator.GetByLabelOptions().setExact(true))
                .fill(title);
        KORTHAGEN.entrySet().stream()
                .limit(4)
                .forEach(step -> label(tool, step.getKey()).fill(step.getValue()));
        button(tool, "Reflectie opslaan").click();
        Locator summary = tool.locator(".error-summary");
        summary.waitFor();
        assertThat(summary.textContent()).contains("Schrijf iets bij “Uitproberen”");
        tool.locator("#step-5-error").waitFor();
        assertThat(label(tool, "Handelen").inputValue()).isEqualTo(KORTHAGEN.get("Handelen"));
        assertThat(label(tool, "Uitproberen").getAttribute("aria-invalid")).isEqualTo("true");
        page.waitForCondition(() -> (Boolean) summary.evaluate("e => e === document.activeElement"));

        label(tool, "Uitproberen").fill(KORTHAGEN.get("Uitproberen"));
        button(tool, "Reflectie opslaan").click();
        waitForText(tool.locator("h1"), title);
        assertThat(tool.locator("main").textContent())
                .contains("Je reflectie is opgeslagen.")
                .contains(KORTHAGEN.values());

        button(tool, "Bewaren in Opgeslagen").click();
        waitForText(tool.locator("h1"), "Opgeslagen");
        assertThat(tool.locator(".notice-success").textContent()).contains(title);

        // Later: the reflection is listed with its model, and Saved leads back to it.
        tool.locator(".app-nav").getByText("Reflecties").click();
        waitForText(tool.locator("h1"), "Reflecties");
        assertThat(tool.locator(".reflection-list li")
                        .filter(new Locator.FilterOptions().setHasText(title))
                        .textContent())
                .contains("Korthagen (reflectiecirkel)");
        tool.locator(".app-nav").getByText("Opgeslagen").click();
        waitForText(tool.locator("h1"), "Opgeslagen");
        Locator item = tool.locator(".saved-item").first();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "saved.png"))
                .setFullPage(true));
        assertThat(item.textContent()).contains("Reflectie", title);
        item.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title))
                .click();
        waitForText(tool.locator("h1"), title);
        assertThat(tool.locator("main").textContent()).contains(KORTHAGEN.get("Alternatieven"));
    }

    @Test
    void reflectionFormAt360PixelsIsFilledInWithTheKeyboardAlone() {
        openWindow(360, 800);
        FrameLocator tool = launchStudent();
        courseReflectsWith("korthagen");
        tool.locator(".app-nav").getByText("Reflecties").click();
        waitForText(tool.locator("h1"), "Reflecties");
        tool.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("Nieuwe reflectie"))
                .click();
        waitForText(tool.locator("h1"), "Nieuwe reflectie");
        Frame frame = page.frame("tool-frame");
        assertThat((Boolean)
                        frame.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no sideways scrolling at 360 px")
                .isTrue();
        // To look at when the page changes.
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "reflection-form-360.png"))
                .setFullPage(true));

        // From the LMS's last link, Tab enters the frame and walks the page; type into each field on the way.
        String title = "Toetsenbord " + UUID.randomUUID().toString().substring(0, 6);
        List<String> answers = new ArrayList<>(KORTHAGEN.values());
        page.locator("a[href$='/demo/lms/mailbox']").focus();
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 40 && !visited.contains("save"); i++) {
            page.keyboard().press("Tab");
            String focused = (String) frame.evaluate("document.hasFocus() && document.activeElement"
                    + " ? (document.activeElement.id || document.activeElement.getAttribute('value') || '') : ''");
            visited.add(focused);
            if (focused.equals("title")) {
                page.keyboard().type(title);
            } else if (focused.matches("step-[1-5]")) {
                Locator field = tool.locator("#" + focused);
                assertThat(field.evaluate("e => getComputedStyle(e).outlineStyle"))
                        .as("focus visible")
                        .isNotEqualTo("none");
                assertThat(field.isVisible()).isTrue();
                page.keyboard().type(answers.get(Integer.parseInt(focused.substring(5)) - 1));
            }
        }
        assertThat(visited.stream().filter(id -> id.equals("title") || id.startsWith("step-") || id.equals("save")))
                .containsExactly("title", "step-1", "step-2", "step-3", "step-4", "step-5", "save");

        page.keyboard().press("Enter");
        waitForText(tool.locator("h1"), title);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", "reflection-360.png"))
                .setFullPage(true));
        assertThat(tool.locator("main").textContent())
                .contains("Je reflectie is opgeslagen.")
                .contains(answers);
    }

    private static Locator label(FrameLocator tool, String text) {
        return tool.getByLabel(text, new FrameLocator.GetByLabelOptions().setExact(true));
    }

    private static Locator button(FrameLocator tool, String name) {
        return tool.getByRole(
                AriaRole.BUTTON,
                new FrameLocator.GetByRoleOptions().setName(name).setExact(true));
    }
}
