package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.ENROLMENT;
import static nl.leerlog.schema.Tables.INTERNSHIP;
import static nl.leerlog.schema.Tables.TIP_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.leerlog.tool.DemoLmsBrowser;
import nl.leerlog.tool.identity.Owner;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * A tip in the LMS frame, as the student lives it: no tip while their internship data is complete, the tip once they
 * leave the organisation out, kept in Saved with the keyboard, and the charts' table view opened with the keyboard;
 * axe-core finds no WCAG 2.2 AA violation on the way.
 */
class TipsBrowserTests extends DemoLmsBrowser {

    static final String INTERNSHIP_TIP = "De gegevens van je stage zijn nog niet compleet.";

    @Test
    void studentSeesATipOnceItsConditionHoldsKeepsItInSavedAndOpensAChartsTableWithTheKeyboard() {
        openWindow(1280, 900);
        FrameLocator tool = launchStudent();
        Owner owner = demoStudent();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        db.deleteFrom(TIP_RESPONSE).where(owner.owns(TIP_RESPONSE)).execute();
        db.deleteFrom(INTERNSHIP)
                .where(INTERNSHIP.COURSE_ID.eq(owner.courseId()))
                .and(INTERNSHIP.STUDENT_ID.eq(owner.userId()))
                .execute();
        new AnalyticsRows(db).internship(owner, "Basisschool De Regenboog", today.minusWeeks(3), today.plusWeeks(9));
        SoftAssertions axe = new SoftAssertions();

        // The internship data is complete: no tip about it.
        tool.locator(".app-nav").getByText("Inzicht").click();
        arrived(tool, "Inzicht");
        assertThat(tool.locator("#tip-internship-missing").count()).isZero();

        // The student leaves the organisation out on their internship page.
        tool.locator(".app-nav").getByText("Logboek").click();
        settled();
        tool.getByText("Je stagegegevens wijzigen").click();
        arrived(tool, "Je stage");
        tool.getByLabel("Organisatie").fill("");
        tool.locator("main button[type=submit]").getByText("Opslaan").click();
        waitForMain(tool, "Je wijzigingen zijn opgeslagen.");

        // Now the rule holds, and its tip shows in three parts with why.
        tool.locator(".app-nav").getByText("Inzicht").click();
        arrived(tool, "Inzicht");
        Locator tip = tool.locator("#tip-internship-missing");
        page.waitForCondition(() -> tip.count() == 1);
        assertThat(tip.textContent()).contains(INTERNSHIP_TIP, "bij je stage staat nog geen organisatie.");
        checkAxe(axe, "insights with the internship tip");

        // The charts' table view, with the keyboard.
        Locator weeks = tool.locator("#chart-weeks");
        page.waitForCondition(() -> weeks.getAttribute("data-drawn") != null);
        Locator toggle = weeks.locator(".chart-toggle");
        toggle.focus();
        page.keyboard().press("Enter");
        page.waitForCondition(() -> weeks.locator("#chart-weeks-table").isVisible());
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(weeks.locator(".chart-view").isVisible()).isFalse();

        // Kept in Saved, with the keyboard.
        Locator keep = tip.getByText("Bewaren in Opgeslagen");
        keep.focus();
        page.keyboard().press("Enter");
        arrived(tool, "Opgeslagen");
        assertThat(tool.locator("main").textContent())
                .contains("Tip", "Vul op de pagina van je leerlogboek in waar je stage loopt en wanneer die begint.");
        checkAxe(axe, "saved with the tip");
        axe.assertAll();
    }

    @Test
    void teacherSeesTheLivePreviewOfANewRuleWhileFillingItIn() {
        openWindow(1280, 900);
        FrameLocator tool = launchTeacher();
        int students = db.fetchCount(
                ENROLMENT,
                ENROLMENT.COURSE_ID.eq(demoCourse()),
                ENROLMENT.ACTIVE.isTrue(),
                ENROLMENT.COURSE_ROLE.eq("STUDENT"));

        tool.locator(".app-nav").getByText("Inzicht").click();
        arrived(tool, "Inzicht in de cursus");
        tool.locator("main nav").getByText("Tips voor studenten").click();
        arrived(tool, "Tips voor studenten");
        tool.getByText("Nieuwe regel").click();
        arrived(tool, "Nieuwe tipregel");
        Locator preview = tool.locator("#rule-preview");
        assertThat(preview.textContent()).contains("Kies de regel en vul de drie delen van de tip");
        waitForHtmx("#rule-preview");

        tool.locator("#rule-type").selectOption("INTERNSHIP_MISSING");
        tool.locator("#rule-feed-up-nl").fill("Je stage begint bij goede afspraken.");
        tool.locator("#rule-feed-up-en").fill("Your internship starts with clear agreements.");
        tool.locator("#rule-feedback-nl").fill("Er ontbreken nog stagegegevens.");
        tool.locator("#rule-feedback-en").fill("Some internship details are missing.");
        tool.locator("#rule-feed-forward-nl").fill("Vul ze vandaag in.");
        tool.locator("#rule-feed-forward-en").fill("Fill them in today.");

        String count = students >= SmallGroups.MINIMUM
                ? "van de " + students + " studenten"
                : "Minder dan " + SmallGroups.MINIMUM + " studenten";
        page.waitForCondition(() -> tool.locator("#rule-preview").textContent().contains(count));
        assertThat(tool.locator("#rule-preview .tip-sample").textContent())
                .contains(
                        "Je stage begint bij goede afspraken.",
                        "Er ontbreken nog stagegegevens.",
                        "Vul ze vandaag in.");
        settled();
    }
}
