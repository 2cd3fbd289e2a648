package nl.leerlog.tool.privacy.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.leerlog.tool.DemoLmsBrowser;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** In the LMS frame, without third-party cookies, the student opens their sharing page and revokes a share by keyboard. */
class SharingBrowserTests extends DemoLmsBrowser {

    @Autowired
    InternshipTeachers links;

    @Test
    void theStudentRevokesAShareWithTheKeyboardOnTheSharingPage() {
        openWindow(1280, 900);
        launchTeacher();
        FrameLocator tool = launchStudent();
        String title = "Kringgesprek " + UUID.randomUUID().toString().substring(0, 6);
        long moment = new LearningLogRows(db).moment(demoStudent(), title);
        links.link(demoCourse(), List.of(demoStudent().userId()), userId("demo-teacher-ahmed"), Instant.now());
        settled();
        Object sent = page.frame("tool-frame")
                .evaluate(
                        "body => fetch('/student/guidance/new', {method: 'POST', redirect: 'manual', headers: {"
                                + " 'X-Lti-Session': document.querySelector('meta[name=lti-session]').content,"
                                + " 'X-CSRF-TOKEN': document.querySelector('meta[name=csrf-token]').content,"
                                + " 'Content-Type': 'application/x-www-form-urlencoded'}, body}).then(r => r.type)",
                        "items=moment%3A" + moment + "&title=Hulp+bij+de+kring&question=Hoe+begin+ik%3F"
                                + "&answerForm=WRITTEN");
        assertThat(sent).as("question sent").isEqualTo("opaqueredirect");

        tool.locator(".app-nav").getByText("Privacy").click();
        arrived(tool, "Jouw privacy");
        tool.getByText("Bekijk en trek in wat je deelt").click();
        arrived(tool, "Wat je deelt");
        Locator row = tool.locator("tr", new FrameLocator.LocatorOptions().setHasText(title));
        assertThat(row.textContent()).contains("Hulp bij de kring", "Tot je het intrekt");

        Locator revoke = row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON);
        revoke.focus();
        page.keyboard().press("Enter");

        waitForMain(tool, "Ingetrokken");
        assertThat(tool.locator("main").textContent()).doesNotContain(title);
    }

    private long userId(String subject) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.SUBJECT.eq(subject))
                .fetchSingle(APP_USER.ID);
    }
}
