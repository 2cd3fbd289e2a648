package nl.leerlog.tool.cafe.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.leerlog.tool.DemoLmsBrowser;
import nl.leerlog.tool.cafe.internal.CafeChannels.Channel;
import nl.leerlog.tool.cafe.internal.CafeGroups.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The café live in three browser windows, each in the LMS frame with the LMS and the tool on two sites and
 * third-party cookies blocked: a message from one student appears for the other and for the coach without a reload;
 * a private message is not seen by the third; the coach hides a message and the members see the note at once; and
 * after every stream was cut, as when an instance stops, the pages connect again and catch up on what they missed.
 */
class CafeBrowserTests extends DemoLmsBrowser {

    private static final int LIVE_MILLIS = 5_000;

    @Autowired
    CafeGroups groups;

    @Autowired
    CafeMessages messages;

    @Autowired
    CafeStreams streams;

    @Test
    void aMessageAppearsForEveryoneInTheChannelAndAPrivateOneOnlyForItsTwoPeople() throws Exception {
        String word = UUID.randomUUID().toString().substring(0, 6);
        openWindow(1280, 900);
        FrameLocator coach = launchTeacher();
        openWindow(1280, 900);
        FrameLocator noah = launchEnglishStudent();
        Page noahPage = page;
        openWindow(360, 740);
        FrameLocator sanne = launchStudent();

        long course = demoCourse();
        long sanneId = userId("demo-student-sanne");
        long noahId = userId("demo-student-noah");
        Group group = groups.create(course, "Café " + word, userId("demo-teacher-ahmed"), Instant.now());
        groups.join(group, List.of(sanneId, noahId), Instant.now());

        openGroupChannel(sanne, "Café", "Groepskanaal");
        openGroupChannel(noah, "Café", "Group channel");
        openGroupChannel(coach, "Café", "Groepskanaal");

        String hello = "Wie gaat er mee koffie halen? " + word;
        sanne.locator("#body").fill(hello);
        sanne.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Versturen"))
                .click();
        seen(noah, hello);
        seen(coach, hello);
        seen(sanne, hello);
        assertThat(sanne.locator("#body").inputValue())
                .as("the form empties after sending")
                .isEmpty();

        // Sanne sends a file along (a multipart post through htmx); Noah sees it at once and downloads it in the
        // frame, where only the page-bound session header signs him in.
        byte[] png = png();
        sanne.locator("#body").fill("Mijn rooster " + word);
        sanne.locator("#files").setInputFiles(new FilePayload("rooster.png", "image/png", png));
        sanne.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Versturen"))
                .click();
        seen(noah, "Mijn rooster " + word);
        Locator file = noah.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("rooster.png"));
        Download download = noahPage.waitForDownload(file::click);
        assertThat(download.suggestedFilename()).isEqualTo("rooster.png");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(png);

        // The coach hides it; the members see the note instead, without a reload.
        Locator message = coach.locator("li.cafe-message", new FrameLocator.LocatorOptions().setHasText(hello));
        message.locator("summary", new Locator.LocatorOptions().setHasText("Verbergen"))
                .click();
        message.locator("input[name=note]").fill("Graag over de stage " + word);
        message.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verbergen voor de leden"))
                .click();
        seen(noah, "Hidden by the coach: Graag over de stage " + word);
        assertThat(noah.locator("#cafe-messages").innerText()).doesNotContain(hello);

        // Every stream is cut, as when an instance stops; a message written meanwhile still arrives.
        streams.stop();
        streams.start();
        Channel room = new Channel(group.channelId(), group, ChannelKind.GROUP, null, 0);
        String missed = "Geschreven terwijl jullie even weg waren " + word;
        messages.post(room, noahId, missed, Instant.now());
        seen(sanne, missed);
        seen(noah, missed);

        // Noah writes Sanne alone: she sees it, the coach does not.
        noah.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("Back to the café"))
                .click();
        noah.locator("select[name=with]")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Sanne de Vries"));
        noah.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Open the private channel"))
                .click();
        noah.locator("#body").waitFor();
        String secret = "Zullen we na de stage even bellen? " + word;
        noah.locator("#body").fill(secret);
        noah.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Send"))
                .click();
        seen(noah, secret);
        assertThat(noahPage.isClosed()).isFalse();

        sanne.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("Terug naar het café"))
                .click();
        sanne.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("Privé met Noah Smith"))
                .click();
        seen(sanne, secret);

        coach.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("Terug naar het café"))
                .click();
        coach.locator("h1").waitFor();
        assertThat(coach.locator("main").innerText()).doesNotContain("Privé met Noah Smith");
    }

    private void openGroupChannel(FrameLocator tool, String menu, String channel) {
        tool.getByRole(
                        AriaRole.LINK,
                        new FrameLocator.GetByRoleOptions().setName(menu).setExact(true))
                .click();
        tool.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName(channel))
                .first()
                .click();
        tool.locator("#cafe-messages").waitFor();
    }

    private static void seen(FrameLocator tool, String text) {
        tool.locator("#cafe-messages li.cafe-message", new FrameLocator.LocatorOptions().setHasText(text))
                .first()
                .waitFor(new Locator.WaitForOptions().setTimeout(LIVE_MILLIS));
    }

    private static byte[] png() throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private long userId(String subject) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.SUBJECT.eq(subject))
                .fetchSingle(APP_USER.ID);
    }
}
