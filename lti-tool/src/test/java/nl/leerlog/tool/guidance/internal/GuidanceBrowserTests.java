package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.GUIDANCE_CONVERSATION;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.leerlog.tool.DemoLmsBrowser;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.identity.Owner;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Guidance end to end inside the LMS frame (handbook 001, "Begeleiding"), with the LMS and the tool on two sites and
 * third-party cookies blocked: a coordinator links a student to an internship teacher; the student, on a phone-sized
 * screen and with the keyboard alone, asks with three learning moments (a fourth is refused) for a video call; the
 * teacher reads the copies, replies and proposes a moment; the student accepts it and takes the invitation into their
 * calendar, then withdraws one moment, which the teacher no longer sees. Every guidance page passes axe-core.
 */
class GuidanceBrowserTests extends DemoLmsBrowser {

    private static final String TEACHER_NAME = "Marieke Visser";
    private static final String STUDENT_NAME = "Sanne de Vries";
    /** Enough key presses to go once round the LMS page and the longest guidance page. */
    private static final int MAX_KEY_PRESSES = 120;

    private final SoftAssertions axe = new SoftAssertions();

    @Test
    void studentAsksWithThreeItemsTheTeacherAnswersAndProposesAMomentTheStudentAcceptsAndWithdrawsAnItem()
            throws IOException {
        openWindow(1280, 900);
        launchStudent(); // the student is known to the course from their own launch
        String word = UUID.randomUUID().toString().substring(0, 6);
        Owner student = demoStudent();
        LearningLogRows rows = new LearningLogRows(db);
        List<String> titles =
                List.of("Kringgesprek " + word, "Rekenles groep 5 " + word, "Oudergesprek " + word, "Gymles " + word);
        List<String> bodies = List.of(
                "De kinderen vertelden om de beurt over hun weekend " + word + ".",
                "Ik legde breuken uit met pizzapunten " + word + ".",
                "De moeder van Daan vroeg naar zijn toets " + word + ".",
                "Het trefbal liep uit de hand " + word + ".");
        // Four moments in the student's log, the first with an evidence file (the log's own pages are tested apart).
        List<Long> moments = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            moments.add(rows.moment(student, titles.get(i), bodies.get(i)));
        }
        byte[] notes = ("Aantekeningen bij het kringgesprek " + word).getBytes(StandardCharsets.UTF_8);
        rows.evidence(student, moments.getFirst(), "aantekeningen.txt", "text/plain", notes);
        String title = "Hoe houd ik de kring kort? " + word;
        String question = "Het kringgesprek duurt steeds te lang en de kinderen worden onrustig.";

        // The internship teacher states when she answers; her interns see it from now on.
        FrameLocator tool = launchSecondTeacher();
        settled();
        link(tool, "Vragen van je stagiairs").click();
        arrived(tool, "Vragen van je stagiairs");
        link(tool, "Wanneer je antwoordt").click();
        arrived(tool, "Wanneer je antwoordt");
        for (String day : List.of("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")) {
            exactLabel(tool, day).setChecked(day.equals("dinsdag") || day.equals("donderdag"));
        }
        tool.locator("#workingDays").fill("2");
        button(tool, "Opslaan").click();
        waitForMain(tool, "Opgeslagen: je stagiairs zien dit");
        checkAxe(axe, "teacher profile");

        // 1. The coordinator links the student to her.
        tool = launchTeacher();
        settled();
        tool.locator(".app-nav").getByText("Studenten").click();
        arrived(tool, "Studenten");
        link(tool, "Stagedocenten").click();
        arrived(tool, "Stagedocenten");
        exactLabel(tool, STUDENT_NAME).check();
        tool.locator("#teacherId").selectOption(new SelectOption().setLabel(TEACHER_NAME));
        button(tool, "Koppel de gekozen studenten").click();
        waitForMain(tool, "Stagedocent opgeslagen voor 1 student(en).");
        assertThat(tool.locator(".link-table tr")
                        .filter(new Locator.FilterOptions().setHasText(STUDENT_NAME))
                        .textContent())
                .contains(TEACHER_NAME);
        checkAxe(axe, "linking page");

        // 2. The student, at 360 px and with the keyboard alone, asks with four moments, is refused, then with three.
        page.setViewportSize(360, 740);
        tool = launchStudentWithTheKeyboard();
        settled();
        enter(tool, tool.locator(".app-nav a").filter(new Locator.FilterOptions().setHasText("Begeleiding")));
        arrived(tool, "Begeleiding");
        assertThat(tool.locator(".internship-teacher").textContent())
                .contains(TEACHER_NAME, "dinsdag", "donderdag", "binnen 2 werkdag(en)");
        checkAxe(axe, "student guidance without questions");
        enter(tool, link(tool, "Stel je stagedocent een vraag"));
        arrived(tool, "Stel je stagedocent een vraag");
        assertThat(tool.locator("main").textContent()).contains("Je vraag gaat naar " + TEACHER_NAME);
        checkAxe(axe, "ask page");
        for (String moment : titles) {
            space(tool, tool.getByLabel(moment));
        }
        type(tool, tool.locator("#title"), title);
        type(tool, tool.locator("#question"), question);
        tabTo(tool, tool.locator("#answer-WRITTEN"));
        keyTo(tool, tool.locator("#answer-VIDEO_CALL"), "ArrowDown");
        assertThat(tool.locator("#answer-VIDEO_CALL").isChecked())
                .as("video call chosen")
                .isTrue();
        type(tool, tool.locator("#preferredMoments"), "Dinsdagmiddag na drie uur");
        problems.expect("status of 422");
        Locator send = button(tool, "Verstuur naar mijn stagedocent");
        tabTo(tool, send);
        Response refused = page.waitForResponse(
                r -> r.url().endsWith("/student/guidance/new"),
                () -> page.keyboard().press("Enter"));
        assertThat(refused.status()).isEqualTo(422);
        waitForText(tool.locator("#items-error"), "Kies hoogstens 3 onderdelen.");
        Locator alert = tool.locator("main .form-alert");
        page.waitForCondition(() -> isFocused(alert));
        assertThat(alert.textContent()).isEqualTo("Niet verstuurd: verbeter wat hieronder gemarkeerd is.");
        assertThat(db.fetchCount(GUIDANCE_QUESTION, GUIDANCE_QUESTION.TITLE.eq(title)))
                .as("nothing sent")
                .isZero();
        assertThat(tool.locator("#title").inputValue()).isEqualTo(title);
        checkAxe(axe, "ask page refusing a fourth item");

        Locator fourth = tool.getByLabel(titles.get(3));
        space(tool, fourth);
        assertThat(fourth.isChecked()).as("fourth moment left out").isFalse();
        enter(tool, send);
        arrived(tool, title);
        assertThat(tool.locator("main").textContent())
                .contains("Je vraag is naar je stagedocent verstuurd.", "Videogesprek")
                .contains(titles.subList(0, 3))
                .doesNotContain(titles.get(3));
        long questionId = db.select(GUIDANCE_QUESTION.ID)
                .from(GUIDANCE_QUESTION)
                .where(GUIDANCE_QUESTION.TITLE.eq(title))
                .fetchSingle(GUIDANCE_QUESTION.ID);
        assertThat(db.select(GUIDANCE_QUESTION.TEACHER_ID)
                        .from(GUIDANCE_QUESTION)
                        .where(GUIDANCE_QUESTION.ID.eq(questionId))
                        .fetchSingle(GUIDANCE_QUESTION.TEACHER_ID))
                .isEqualTo(db.select(APP_USER.ID)
                        .from(APP_USER)
                        .where(APP_USER.SUBJECT.eq("demo-teacher-marieke"))
                        .fetchSingle(APP_USER.ID));

        // 3. The teacher reads the copies as sent, takes the evidence, replies and proposes a video call.
        page.setViewportSize(1280, 900);
        tool = openThreadAsTeacher(title, true);
        assertThat(tool.locator("main").textContent())
                .contains("Van " + STUDENT_NAME, "Videogesprek", question, "Dinsdagmiddag na drie uur")
                .contains(titles.subList(0, 3))
                .contains(bodies.subList(0, 3))
                .doesNotContain(titles.get(3), bodies.get(3));
        Locator evidence = link(tool, "aantekeningen.txt");
        Download file = page.waitForDownload(evidence::click);
        assertThat(file.suggestedFilename()).isEqualTo("aantekeningen.txt");
        assertThat(Files.readAllBytes(file.path())).isEqualTo(notes);
        String reply = "Begin met een vaste vraag en een zandloper van vijf minuten " + word + ".";
        tool.locator("#body").fill(reply);
        button(tool, "Verstuur antwoord").click();
        waitForMain(tool, "Je antwoord is verstuurd.");
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(7);
        tool.locator("#proposal-date").fill(day.toString());
        tool.locator("#proposal-time").fill("15:30");
        assertThat(tool.locator("#proposal-form").inputValue()).isEqualTo("VIDEO_CALL");
        String videoLink = "https://meet.example.nl/kring-" + word;
        tool.locator("#proposal-place").fill(videoLink);
        button(tool, "Stel dit moment voor").click();
        waitForMain(tool, "Je voorstel is naar de student verstuurd.");
        assertThat(tool.locator("#conversation").textContent()).contains("Voorgesteld, wacht op de student");
        checkAxe(axe, "teacher thread with a proposal");

        // 4. The student accepts the moment and takes the invitation into their calendar.
        page.setViewportSize(360, 740);
        tool = launchStudentWithTheKeyboard();
        settled();
        enter(tool, tool.locator(".app-nav a").filter(new Locator.FilterOptions().setHasText("Begeleiding")));
        arrived(tool, "Begeleiding");
        assertThat(tool.locator(".thread-list").textContent()).contains(title);
        checkAxe(axe, "student thread list");
        enter(tool, link(tool, title));
        arrived(tool, title);
        assertThat(tool.locator("main").textContent()).contains(reply, videoLink);
        enter(tool, button(tool, "Accepteer dit moment"));
        waitForMain(tool, "Het gesprek is afgesproken.");
        checkAxe(axe, "student thread with an agreed conversation");
        Locator calendar = link(tool, "Zet in mijn agenda (.ics)");
        tabTo(tool, calendar);
        Response[] invitation = new Response[1];
        Download ics = page.waitForDownload(() -> invitation[0] = page.waitForResponse(
                r -> r.url().endsWith("/invitation.ics"), () -> page.keyboard().press("Enter")));
        assertThat(invitation[0].status()).isEqualTo(200);
        assertThat(invitation[0].headerValue("content-type")).startsWith("text/calendar");
        assertThat(ics.suggestedFilename()).endsWith(".ics");
        String uid = db.select(GUIDANCE_CONVERSATION.UID)
                .from(GUIDANCE_CONVERSATION)
                .where(GUIDANCE_CONVERSATION.QUESTION_ID.eq(questionId))
                .fetchSingle(GUIDANCE_CONVERSATION.UID);
        // Lines longer than 75 octets are folded (RFC 5545 §3.1): read them unfolded.
        String calendarText = Files.readString(ics.path()).replace("\r\n ", "");
        assertThat(calendarText).contains("BEGIN:VEVENT", "UID:" + uid, "END:VEVENT");

        // 5. The student withdraws one moment; the teacher sees only the line that it was withdrawn.
        Locator withdrawn = tool.locator(".shared-item").filter(new Locator.FilterOptions().setHasText(titles.get(1)));
        enter(
                tool,
                withdrawn.getByRole(
                        AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Trek dit onderdeel terug")));
        waitForMain(tool, "Het onderdeel is teruggetrokken");
        assertThat(tool.locator("main").textContent()).doesNotContain(bodies.get(1));

        page.setViewportSize(1280, 900);
        tool = openThreadAsTeacher(title, false);
        assertThat(tool.locator("main").textContent())
                .contains("De student heeft een onderdeel teruggetrokken.")
                .doesNotContain(titles.get(1), bodies.get(1))
                .contains(titles.get(0), bodies.get(0), titles.get(2), bodies.get(2), reply);
        assertThat(tool.locator(".shared-item").count())
                .as("the three items, one of them withdrawn")
                .isEqualTo(3);

        axe.assertAll();
    }

    /**
     * The second teacher launches, and opens the question from the list of her interns' questions (checked with axe
     * on the first visit: axe takes seconds, and the list changes only in its rows).
     */
    private FrameLocator openThreadAsTeacher(String title, boolean firstVisit) {
        FrameLocator tool = launchSecondTeacher();
        settled();
        link(tool, "Vragen van je stagiairs").click();
        arrived(tool, "Vragen van je stagiairs");
        if (firstVisit) {
            checkAxe(axe, "teacher's list of questions");
        }
        link(tool, title).click();
        arrived(tool, title);
        return tool;
    }

    /** Tab to {@code target} and press Enter on it. */
    private void enter(FrameLocator tool, Locator target) {
        tabTo(tool, target);
        page.keyboard().press("Enter");
    }

    /** Tab to {@code target} and press Space on it. */
    private void space(FrameLocator tool, Locator target) {
        tabTo(tool, target);
        page.keyboard().press("Space");
    }

    /** Tab to {@code field} and type {@code text} into it. */
    private void type(FrameLocator tool, Locator field, String text) {
        tabTo(tool, field);
        page.keyboard().type(text);
    }

    /** Presses Tab until {@code target} has the focus: it must be reachable with the keyboard in tab order. */
    private void tabTo(FrameLocator tool, Locator target) {
        keyTo(tool, target, "Tab");
    }

    private void keyTo(FrameLocator tool, Locator target, String key) {
        target.waitFor();
        for (int presses = 0; presses < MAX_KEY_PRESSES; presses++) {
            if (isFocused(target)) {
                return;
            }
            page.keyboard().press(key);
        }
        assertThat(isFocused(target))
                .as("%s reached with %d presses of %s", target, MAX_KEY_PRESSES, key)
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

    private static Locator exactLabel(FrameLocator tool, String label) {
        return tool.getByLabel(label, new FrameLocator.GetByLabelOptions().setExact(true));
    }
}
