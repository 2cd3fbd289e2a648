package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static nl.leerlog.schema.Tables.URGENCY_SNOOZE;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.leerlog.tool.DemoLmsBrowser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.internship.Internships;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard by urgency inside the LMS frame, the LMS and the tool on two sites and third-party cookies blocked:
 * a student on internship for five weeks who never asked is red at the top; once she asks, her row says a question
 * waits; after the teacher's answer and her "answered" she is green; the teacher snoozes her with the keyboard on a
 * phone-sized screen, she shows grey with the note, and is put back. Every state passes axe-core.
 */
class UrgencyBrowserTests extends DemoLmsBrowser {

    private static final int MAX_KEY_PRESSES = 120;

    @Autowired
    InternshipTeachers links;

    @Autowired
    Internships internships;

    private final SoftAssertions axe = new SoftAssertions();

    @Test
    void aStudentWhoNeverAskedIsRedThenWaitingThenGreenAndIsSnoozedAndBack() {
        openWindow(1280, 900);
        launchStudent();
        long student = demoStudent().userId();
        long course = demoCourse();
        long teacher = db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.DISPLAY_NAME.eq("Ahmed Yilmaz"))
                .fetchOptional(APP_USER.ID)
                .orElseGet(() -> {
                    launchTeacher();
                    return db.select(APP_USER.ID)
                            .from(APP_USER)
                            .where(APP_USER.DISPLAY_NAME.eq("Ahmed Yilmaz"))
                            .fetchSingle(APP_USER.ID);
                });
        // Sanne alone with this teacher, five weeks into her internship, nothing snoozed from an earlier test.
        List<Long> others = links.internsOf(course, teacher).stream()
                .map(InternshipTeachers.Person::id)
                .filter(id -> id != student)
                .toList();
        if (!others.isEmpty()) {
            links.unlink(course, others);
        }
        links.link(course, List.of(student), teacher, Instant.now());
        LocalDate start = LocalDate.now(Urgency.ZONE).minusWeeks(5);
        internships.save(
                course,
                student,
                new Internship("Basisschool De Regenboog", null, null, start, start.plusWeeks(20), null),
                student);
        db.deleteFrom(URGENCY_SNOOZE)
                .where(URGENCY_SNOOZE.STUDENT_ID.eq(student))
                .execute();
        // Other browser tests on this demo course let Sanne ask; here she has never asked.
        db.deleteFrom(GUIDANCE_QUESTION)
                .where(GUIDANCE_QUESTION.OWNER_ID.eq(student))
                .execute();
        String row = "li.urgency-row[data-student='" + student + "']";

        // 1. Never asked: red, at the top, and the chip says why in words.
        FrameLocator tool = dashboard();
        assertThat(tool.locator("li.urgency-row").first().getAttribute("data-student"))
                .isEqualTo(String.valueOf(student));
        assertThat(tool.locator(row).getAttribute("data-colour")).isEqualTo("red");
        assertThat(tool.locator(row + " .urgency-chips").textContent()).contains("Nog nooit een vraag gesteld");
        assertThat(tool.locator(row + " .urgency-colour").textContent()).isEqualTo("Heeft je nu nodig");
        checkAxe(axe, "dashboard with a red intern");

        // 2. She asks; her row says a question waits.
        String title = "Hoe begin ik mijn les? " + UUID.randomUUID().toString().substring(0, 6);
        tool = launchStudent();
        settled();
        tool.locator(".app-nav").getByText("Begeleiding").click();
        arrived(tool, "Begeleiding");
        link(tool, "Stel je stagedocent een vraag").click();
        arrived(tool, "Stel je stagedocent een vraag");
        tool.locator("#title").fill(title);
        tool.locator("#question").fill("De start van mijn les loopt steeds uit. Heb je een tip?");
        tool.locator("#answer-WRITTEN").check();
        button(tool, "Verstuur naar mijn stagedocent").click();
        arrived(tool, title);

        tool = dashboard();
        assertThat(tool.locator(row).getAttribute("data-colour")).isEqualTo("orange");
        assertThat(tool.locator(row + " .urgency-chips").textContent()).contains("Vraag wacht sinds");
        checkAxe(axe, "dashboard with a question waiting");

        // 3. The teacher answers from the row's student page; she writes back and marks it answered: green.
        tool.locator(row + " a.urgency-name").click();
        arrived(tool, "Sanne de Vries");
        link(tool, title).click();
        arrived(tool, title);
        tool.locator("#body").fill("Begin met een vraag aan de klas en houd het kort.");
        button(tool, "Verstuur antwoord").click();
        waitForMain(tool, "Begin met een vraag aan de klas");

        tool = launchStudent();
        settled();
        tool.locator(".app-nav").getByText("Begeleiding").click();
        arrived(tool, "Begeleiding");
        link(tool, title).click();
        arrived(tool, title);
        // She writes back (the question waits again), then says it is answered.
        tool.locator("#body").fill("Dank je, dat ga ik morgen proberen.");
        button(tool, "Verstuur antwoord").click();
        waitForMain(tool, "Dank je, dat ga ik morgen proberen.");
        Locator answered = button(tool, "Mijn vraag is beantwoord");
        page.waitForResponse(
                r -> r.url().contains("/student/guidance/")
                        && r.status() == 200
                        && r.request().method().equals("GET"),
                answered::click);
        settled();

        FrameLocator desk = dashboard();
        assertThat(desk.locator(row).getAttribute("data-colour")).isEqualTo("green");
        assertThat(desk.locator(row + " .urgency-chips").textContent()).contains("Nu niets nodig");

        // 4. At 360 px and with the keyboard alone: the filters are reachable, then snooze with a note.
        page.setViewportSize(360, 740);
        settled();
        checkAxe(axe, "dashboard at 360 px");
        tabTo(desk.locator("#urgency-q"));
        page.keyboard().type("Sanne");
        page.waitForCondition(() -> desk.locator("li.urgency-row").count() == 1);
        tabTo(desk.locator("#urgency-colour"));
        tabTo(desk.locator("#urgency-reason"));
        tabTo(desk.locator("#urgency-week"));
        enter(desk.locator(row + " a").filter(new Locator.FilterOptions().setHasText("Pauzeer")));
        arrived(desk, "Pauzeer Sanne de Vries");
        checkAxe(axe, "snooze form");
        desk.locator("#until").fill(LocalDate.now(Urgency.ZONE).plusWeeks(2).toString());
        tabTo(desk.locator("#note"));
        page.keyboard().type("Met verlof tot na de toetsweek");
        page.keyboard().press("Enter");
        waitForMain(desk, "Gepauzeerd: de stagiair komt vanzelf terug op de lijst.");
        assertThat(desk.locator(row).getAttribute("data-colour")).isEqualTo("grey");
        assertThat(desk.locator(row + " .urgency-chips").textContent())
                .contains("Gepauzeerd tot", "Met verlof tot na de toetsweek");
        checkAxe(axe, "dashboard with a snoozed intern");

        // 5. Back on the list.
        enter(button(desk, "Zet Sanne de Vries terug op de lijst"));
        waitForMain(desk, "De stagiair staat weer op de lijst.");
        assertThat(desk.locator(row).getAttribute("data-colour")).isEqualTo("green");
        assertThat(desk.locator("main").textContent()).doesNotContain("Met verlof tot na de toetsweek");

        axe.assertAll();
    }

    /** The teacher launched, on their dashboard. */
    private FrameLocator dashboard() {
        FrameLocator tool = launchTeacher();
        settled();
        tool.locator(".app-nav").getByText("Overzicht").click();
        arrived(tool, "Je stagiairs");
        return tool;
    }

    private void enter(Locator target) {
        tabTo(target);
        page.keyboard().press("Enter");
    }

    /** Presses Tab until {@code target} has the focus: it must be reachable with the keyboard in tab order. */
    private void tabTo(Locator target) {
        target.waitFor();
        for (int presses = 0; presses < MAX_KEY_PRESSES; presses++) {
            if (isFocused(target)) {
                return;
            }
            page.keyboard().press("Tab");
        }
        assertThat(isFocused(target))
                .as("%s reached with %d presses of Tab", target, MAX_KEY_PRESSES)
                .isTrue();
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
