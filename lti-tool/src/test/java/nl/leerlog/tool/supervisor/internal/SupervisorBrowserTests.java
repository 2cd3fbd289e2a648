package nl.leerlog.tool.supervisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import nl.leerlog.tool.DemoLmsBrowser;
import nl.leerlog.tool.LearningLogRows;
import org.junit.jupiter.api.Test;

/**
 * In the LMS frame, without third-party cookies, the student makes a link with a question for their workplace
 * supervisor; the supervisor opens it in a browser of their own, without any account, and answers; the student finds
 * the answer in their log as a moment from the supervisor, and the read in "who looked".
 */
class SupervisorBrowserTests extends DemoLmsBrowser {

    @Test
    void theSupervisorOpensTheLinkInTheirOwnBrowserAnswersAndTheStudentSeesTheMoment() {
        openWindow(1280, 900);
        FrameLocator tool = launchStudent();
        String title = "Leeshoek " + UUID.randomUUID().toString().substring(0, 6);
        new LearningLogRows(db).moment(demoStudent(), title, "Ik las voor aan een groepje van zes.");

        tool.locator(".app-nav").getByText("Privacy").click();
        arrived(tool, "Jouw privacy");
        tool.getByText("Bekijk en trek in wat je deelt").click();
        arrived(tool, "Wat je deelt");
        tool.getByText("Deel met je werkplekbegeleider via een link").click();
        arrived(tool, "Een link voor je werkplekbegeleider");
        tool.getByLabel(title).check();
        tool.getByLabel("Naam van je begeleider").fill("Jan de Boer");
        tool.getByLabel("Diens e-mailadres (mag leeg)").fill("");
        tool.getByLabel("Een vraag aan je begeleider (mag leeg)").fill("Hoe deed ik het bij de leeshoek?");
        tool.getByLabel("7 dagen").check();
        tool.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Maak de link"))
                .click();
        arrived(tool, "Je link is klaar");
        String link = tool.locator("#supervisor-link").inputValue();
        assertThat(link).startsWith(TOOL + "/supervisor/");

        BrowserContext supervisorContext = context.browser()
                .newContext(new Browser.NewContextOptions()
                        .setViewportSize(1024, 800)
                        .setLocale("en-GB"));
        try {
            Page supervisor = problems.openWatched(supervisorContext);
            supervisor.navigate(link);
            assertThat(supervisor.locator("h1").textContent()).isEqualTo("Shared with you by a student");
            assertThat(supervisor.locator("main").textContent())
                    .contains(title, "Ik las voor aan een groepje van zes.", "Hoe deed ik het bij de leeshoek?");
            supervisor.getByLabel("Your name").fill("Jan de Boer");
            supervisor.getByLabel("Your answer").fill("Rustig en duidelijk: iedereen kwam aan de beurt.");
            supervisor
                    .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answer"))
                    .click();
            supervisor.waitForCondition(() -> supervisor
                    .locator("main")
                    .textContent()
                    .contains("Thank you: your answer is in the student's log."));
            assertThat(supervisor.locator("main").textContent()).contains("Answered by Jan de Boer.");
        } finally {
            supervisorContext.close();
        }

        tool.locator(".app-nav").getByText("Logboek").click();
        waitForMain(tool, "Feedback van Jan de Boer");
        assertThat(tool.locator("main").textContent()).contains("Van je begeleider");
        tool.getByText("Feedback van Jan de Boer").first().click();
        waitForMain(tool, "Rustig en duidelijk: iedereen kwam aan de beurt.");
        assertThat(tool.locator("main").textContent())
                .contains("Dit moment is het antwoord van je werkplekbegeleider Jan de Boer");

        tool.locator(".app-nav").getByText("Privacy").click();
        arrived(tool, "Jouw privacy");
        tool.getByText("Bekijk wie inzag wat je deelde").click();
        waitForMain(tool, "Jan de Boer");
        assertThat(tool.locator("main").textContent()).contains(title, "via je link");
    }
}
