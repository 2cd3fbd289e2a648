package nl.leerlog.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The week of a student on an internship, end to end inside the LMS frame (handbook 001: "Activiteit registreren",
 * "Reflecteren", "Opgeslagen"): log a learning moment with an evidence file, reflect on it with Korthagen, save the
 * reflection, and find it all again in Saved and through the log's search.
 */
class LearningLogBrowserTests extends DemoLmsBrowser {

    /** A 1 x 1 PNG: evidence is checked by its content, so the file must really be an image. */
    private static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Test
    void studentLogsAMomentWithEvidenceReflectsOnItWithKorthagenSavesItAndFindsItAgain() {
        openWindow(1280, 900);
        FrameLocator tool = launchStudent();
        courseReflectsWith("korthagen");
        String word = "daan" + UUID.randomUUID().toString().substring(0, 6);
        String momentTitle = "Oudergesprek over " + word;
        String reflectionTitle = "Rustig blijven bij boze ouders " + word;

        // Log the moment, with an evidence file.
        tool.locator(".app-nav").getByText("Logboek").click();
        // The home page links to the same form: click it on the log, not on a page that is being left.
        waitForText(tool.locator("h1"), "Je logboek");
        link(tool, "Leermoment vastleggen").first().click();
        waitForText(tool.locator("h1"), "Leermoment vastleggen");
        tool.getByLabel(Pattern.compile("^Datum")).fill("2026-11-20");
        tool.getByLabel(Pattern.compile("^Titel")).fill(momentTitle);
        tool.getByLabel(Pattern.compile("^Wat gebeurde er"))
                .fill("Gesprek met de vader van " + word + " over de toets; hij was boos over het cijfer.");
        tool.getByLabel(Pattern.compile("^Bewijsstukken"))
                .setInputFiles(new FilePayload("gespreksverslag.png", "image/png", PNG));
        button(tool, "Opslaan").click();
        page.waitForCondition(() -> tool.locator("main").textContent().contains(momentTitle));
        if (link(tool, "Hierop reflecteren").count() == 0) {
            // Saved to the log's list: open the moment from there.
            link(tool, momentTitle).first().click();
        }
        page.waitForCondition(() -> tool.locator("h1").textContent().contains(momentTitle));
        assertThat(tool.locator("main").textContent()).contains("gespreksverslag.png");

        // Reflect on it in the programme's model: Korthagen's five phases.
        link(tool, "Hierop reflecteren").click();
        waitForText(tool.locator("h1"), "Nieuwe reflectie");
        assertThat(tool.locator("main").textContent())
                .contains("Reflectiemodel: Korthagen (reflectiecirkel)", "Over het leermoment:", momentTitle);
        tool.getByLabel("Titel", new FrameLocator.GetByLabelOptions().setExact(true))
                .fill(reflectionTitle);
        Map<String, String> phases = new LinkedHashMap<>();
        phases.put("Handelen", "Ik wilde rustig uitleggen hoe het cijfer tot stand kwam.");
        phases.put("Terugblikken", "De vader werd boos en ik ging steeds sneller praten.");
        phases.put("Bewustwording van essentiële aspecten", "Ik voelde me aangevallen.");
        phases.put("Alternatieven", "Eerst vragen wat hem dwarszit, en stiltes laten vallen.");
        phases.put("Uitproberen", "Bij het volgende oudergesprek, volgende week.");
        phases.forEach((phase, answer) -> tool.getByLabel(phase, new FrameLocator.GetByLabelOptions().setExact(true))
                .fill(answer));
        button(tool, "Reflectie opslaan").click();
        waitForText(tool.locator("h1"), reflectionTitle);
        assertThat(tool.locator("main").textContent())
                .contains("Je reflectie is opgeslagen.")
                .contains(phases.values());

        // Save it.
        button(tool, "Bewaren in Opgeslagen").click();
        waitForText(tool.locator("h1"), "Opgeslagen");
        assertThat(tool.locator(".notice-success").textContent()).contains(reflectionTitle);

        // Find it again in Saved, and from the reflection back to the moment and its evidence.
        tool.locator(".app-nav").getByText("Reflecties").click();
        waitForText(tool.locator("h1"), "Reflecties");
        tool.locator(".app-nav").getByText("Opgeslagen").click();
        waitForText(tool.locator("h1"), "Opgeslagen");
        tool.locator(".saved-item")
                .filter(new Locator.FilterOptions().setHasText(reflectionTitle))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reflectionTitle))
                .click();
        waitForText(tool.locator("h1"), reflectionTitle);
        link(tool, momentTitle).click();
        page.waitForCondition(() -> tool.locator("h1").textContent().contains(momentTitle));
        assertThat(tool.locator("main").textContent()).contains("gespreksverslag.png");

        // Find the moment again through the log's search, and nothing for a word it does not contain.
        tool.locator(".app-nav").getByText("Logboek").click();
        waitForText(tool.locator("h1"), "Je logboek");
        Locator search = tool.getByLabel("Zoeken", new FrameLocator.GetByLabelOptions().setExact(true));
        search.fill("zeldzaamwoord" + word);
        search.press("Enter");
        page.waitForCondition(() -> !tool.locator("main").textContent().contains(momentTitle));
        search.fill(word);
        search.press("Enter");
        page.waitForCondition(() -> link(tool, momentTitle).count() > 0);

        // The README takes its screenshots from the demo course instead (ReadmeScreenshots).
        page.evaluate("document.activeElement.blur()");
        Path screenshot = Paths.get("target", "screenshots", "learning-log.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot));
        assertThat(screenshot).isNotEmptyFile();
    }

    @Test
    void studentEntersTheirInternshipInTheFrameAndTheLogShowsWhichWeekItIs() {
        openWindow(1280, 900);
        FrameLocator tool = launchStudent();
        String organisation =
                "Basisschool De Regenboog " + UUID.randomUUID().toString().substring(0, 6);

        // "Add" or "change", whichever the student's data asks for: the form posts, redirects and shows it saved.
        tool.locator(".internship-summary a[href*='/student/internship']")
                .first()
                .click();
        waitForText(tool.locator("h1"), "Je stage");
        tool.getByLabel(Pattern.compile("^Organisatie")).fill(organisation);
        tool.getByLabel(Pattern.compile("^Eerste dag"))
                .fill(LocalDate.now().minusDays(10).toString());
        tool.getByLabel(Pattern.compile("^Laatste dag"))
                .fill(LocalDate.now().plusDays(63).toString());
        button(tool, "Opslaan").click();
        page.waitForCondition(() -> tool.locator("main").textContent().contains("Je wijzigingen zijn opgeslagen."));

        link(tool, "Terug naar je logboek").click();
        waitForText(tool.locator("h1"), "Je logboek");
        assertThat(tool.locator(".internship-summary").textContent()).contains(organisation, "Week 2 van 11");
    }

    @Test
    void teacherCorrectsAStudentsInternshipInTheFrame() {
        openWindow(1280, 900);
        launchStudent(); // the student is known to the course from their own launch
        FrameLocator tool = launchTeacher();
        String organisation =
                "Kindcentrum Het Anker " + UUID.randomUUID().toString().substring(0, 6);

        tool.locator(".app-nav").getByText("Studenten").click();
        waitForText(tool.locator("h1"), "Studenten");
        link(tool, "Stagegegevens van Sanne de Vries").click();
        waitForText(tool.locator("h1"), "Stage van Sanne de Vries");
        tool.getByLabel(Pattern.compile("^Organisatie")).fill(organisation);
        button(tool, "Opslaan").click();
        page.waitForCondition(() -> tool.locator("main").textContent().contains("Je wijzigingen zijn opgeslagen."));

        tool.locator(".app-nav").getByText("Studenten").click();
        waitForText(tool.locator("h1"), "Studenten");
        assertThat(tool.locator(".student-card")
                        .filter(new Locator.FilterOptions().setHasText("Sanne de Vries"))
                        .textContent())
                .contains(organisation);
    }

    private static Locator link(FrameLocator tool, String name) {
        return tool.getByRole(
                AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(FrameLocator tool, String name) {
        return tool.getByRole(
                AriaRole.BUTTON,
                new FrameLocator.GetByRoleOptions().setName(name).setExact(true));
    }
}
