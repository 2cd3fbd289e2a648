package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.leerlog.tool.DemoLmsBrowser;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The teacher replies with a template inside the LMS frame, the LMS and the tool on two sites and third-party
 * cookies blocked, at 360 px and with the keyboard: the student asks "Kun je naar mijn leerdoel kijken?", the teacher
 * sees that sentence marked as asking them and the note that it has no answer yet, inserts a template whose
 * placeholders are filled with the student's first name and the question's title, edits it and sends it; the student
 * reads the reply. The thread page passes axe-core before and after.
 */
class ReplyHelpBrowserTests extends DemoLmsBrowser {

    private static final int MAX_KEY_PRESSES = 150;

    @Autowired
    InternshipTeachers links;

    private final SoftAssertions axe = new SoftAssertions();

    @Test
    void theTeacherRepliesWithAFilledTemplateAtPhoneWidthWithTheKeyboard() {
        openWindow(360, 740);
        launchStudent();
        launchSecondTeacher();
        long marieke = db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.SUBJECT.eq("demo-teacher-marieke"))
                .fetchSingle(APP_USER.ID);
        links.link(demoCourse(), List.of(demoStudent().userId()), marieke, Instant.now());
        String word = UUID.randomUUID().toString().substring(0, 6);
        String title = "Mijn leerdoel " + word;

        // The student asks something of her teacher.
        FrameLocator tool = launchStudent();
        settled();
        tool.locator(".app-nav a")
                .filter(new Locator.FilterOptions().setHasText("Begeleiding"))
                .click();
        arrived(tool, "Begeleiding");
        link(tool, "Stel je stagedocent een vraag").click();
        arrived(tool, "Stel je stagedocent een vraag");
        tool.locator("#title").fill(title);
        tool.locator("#question")
                .fill("Ik heb bijv. mijn leerdoel herschreven. Kun je naar mijn leerdoel kijken? Ik twijfel nog.");
        tool.locator("#answer-WRITTEN").check();
        button(tool, "Verstuur naar mijn stagedocent").click();
        arrived(tool, title);

        // The teacher opens the thread: the request is marked and noted as open.
        tool = launchSecondTeacher();
        settled();
        link(tool, "Vragen van je stagiairs").click();
        arrived(tool, "Vragen van je stagiairs");
        link(tool, title).click();
        arrived(tool, title);
        Locator request = tool.locator(".reading-sentences li")
                .filter(new Locator.FilterOptions().setHasText("Kun je naar mijn leerdoel kijken?"));
        assertThat(request.locator(".act-chip").textContent()).isEqualTo("Vraagt jou");
        assertThat(request.textContent()).contains("Voorgesteld vanwege \"kun je\"");
        assertThat(tool.locator(".open-request").textContent()).contains("waar je nog niet op hebt gereageerd");
        checkAxe(axe, "thread with an open request at 360 px");

        // With the keyboard: pick a template, insert it (htmx swaps the reply box), edit and send.
        Locator picker = tool.locator("#template");
        tabTo(picker);
        picker.selectOption(new SelectOption().setLabel("Bevestigen en beantwoorden (Leerlog)"));
        tabTo(button(tool, "Invoegen"));
        page.keyboard().press("Enter");
        Locator body = tool.locator("#body");
        page.waitForCondition(() -> body.inputValue().startsWith("Hoi Sanne,"));
        settled();
        assertThat(body.inputValue())
                .contains("Dank je voor je vraag \"" + title + "\".")
                .contains("Marieke Visser")
                .doesNotContain("{voornaam}", "{titel vraag}", "{naam docent}");
        checkAxe(axe, "thread with a filled template at 360 px");

        tabTo(body);
        page.keyboard().press("Control+Home");
        page.keyboard().press("End");
        page.keyboard().type(" Ik heb je leerdoel gelezen " + word + ".");
        tabTo(button(tool, "Verstuur antwoord"));
        page.keyboard().press("Enter");
        waitForMain(tool, "Je antwoord is verstuurd.");
        assertThat(tool.locator(".open-request").count()).isZero();
        checkAxe(axe, "thread after the reply at 360 px");

        // The student reads the reply.
        tool = launchStudent();
        settled();
        tool.locator(".app-nav a")
                .filter(new Locator.FilterOptions().setHasText("Begeleiding"))
                .click();
        arrived(tool, "Begeleiding");
        link(tool, title).click();
        arrived(tool, title);
        assertThat(tool.locator("#thread-messages").textContent())
                .contains("Hoi Sanne, Ik heb je leerdoel gelezen " + word + ".");
        axe.assertAll();
    }

    /** Presses Tab until {@code target} has the focus: it must be reachable with the keyboard. */
    private void tabTo(Locator target) {
        target.waitFor();
        for (int presses = 0; presses < MAX_KEY_PRESSES && !isFocused(target); presses++) {
            page.keyboard().press("Tab");
        }
        assertThat(isFocused(target)).as("%s reached with the keyboard", target).isTrue();
    }

    private static boolean isFocused(Locator element) {
        return (Boolean) element.evaluate("e => e === document.activeElement && document.hasFocus()");
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
