package nl.leerlog.tool.notifications.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.leerlog.tool.AxeChecks;
import nl.leerlog.tool.DemoLmsBrowser;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notifications in the LMS frame: a student asks their internship teacher a question; the teacher sees the unread
 * count beside the menu and the question in their notifications, and the demo LMS's mailbox shows the mail Leerlog
 * wrote to them. Both pages pass axe-core.
 */
class NotificationBrowserTests extends DemoLmsBrowser {

    @Autowired
    InternshipTeachers links;

    private final SoftAssertions axe = new SoftAssertions();

    @Test
    void aStudentsQuestionReachesTheTeachersNotificationsAndTheDemoMailbox() {
        openWindow(1280, 900);
        launchTeacher(); // both are known to the course from their own launch
        launchStudent();
        long course = demoCourse();
        links.link(course, List.of(userId("demo-student-sanne")), userId("demo-teacher-ahmed"), Instant.now());
        String title = "Hoe begin ik de dag? " + UUID.randomUUID().toString().substring(0, 6);

        FrameLocator tool = launchStudent();
        settled();
        tool.locator(".app-nav a")
                .filter(new Locator.FilterOptions().setHasText("Begeleiding"))
                .click();
        arrived(tool, "Begeleiding");
        link(tool, "Stel je stagedocent een vraag").click();
        arrived(tool, "Stel je stagedocent een vraag");
        tool.locator("#title").fill(title);
        tool.locator("#question").fill("De kinderen komen onrustig binnen. Hoe pak ik dat aan?");
        tool.locator("#answer-WRITTEN").check();
        button(tool, "Verstuur naar mijn stagedocent").click();
        arrived(tool, title);

        tool = launchTeacher();
        settled();
        Locator inbox = tool.locator(".notifications-link");
        assertThat(inbox.locator(".unread-count").textContent()).matches("\\d+");
        inbox.click();
        arrived(tool, "Meldingen");
        assertThat(tool.locator(".notification-list").textContent())
                .contains("Sanne de Vries heeft een vraag gesteld \u201c" + title + "\u201d");
        checkAxe(axe, "teacher's notifications");

        page.navigate(LMS + "/demo/lms/mailbox");
        Locator mail = page.locator("article.mail")
                .filter(new Locator.FilterOptions().setHasText(title))
                .first();
        assertThat(mail.locator("h2").textContent()).isEqualTo("Sanne de Vries heeft je een vraag gesteld");
        assertThat(mail.textContent()).contains("demo-teacher-ahmed@demo-lms.leerlog.invalid", "/teacher/guidance/");
        axe.assertThat(AxeChecks.describe(new AxeBuilder(page)
                        .withTags(AxeChecks.WCAG_AA)
                        .analyze()
                        .getViolations()))
                .as("WCAG 2.2 AA violations on the demo mailbox")
                .isEmpty();
        axe.assertAll();
    }

    private long userId(String subject) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.SUBJECT.eq(subject))
                .fetchSingle(APP_USER.ID);
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
