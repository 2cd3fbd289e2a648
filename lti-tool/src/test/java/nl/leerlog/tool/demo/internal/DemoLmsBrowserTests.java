package nl.leerlog.tool.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import nl.leerlog.tool.DemoLmsBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo LMS and the tool in a real Chromium that blocks third-party cookies, as Chrome does with its
 * third-party-cookie setting on: the course page on the school's own domain {@code school.localhost}, the LMS's
 * issuer, authorization endpoint and storage frame on {@code lms.localhost}, the tool on {@code tool.localhost}
 * (three sites, one app), every launch through the real OIDC login and launch inside the course page's iframe. Every page
 * must load without a CSP violation or a script error.
 */
class DemoLmsBrowserTests extends DemoLmsBrowser {

    /** Where partitioned (CHIPS) cookies set inside the course page's frame live: the school's site, without port. */
    private static final String LMS_PARTITION = "http://school.localhost";
    /** The LMS's storage frame records the subjects of the postMessages it receives (platform storage requests). */
    private static final String RECORD_LMS_MESSAGES = """
            if (window.name === 'post_message_forwarding') {
              window.leerlogTestMessages = [];
              window.addEventListener('message', function (e) {
                if (e.data && typeof e.data.subject === 'string') { window.leerlogTestMessages.push(e.data.subject); }
              });
            }
            """;

    @BeforeEach
    void freshWindow() {
        openWindow(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("nl-NL"), RECORD_LMS_MESSAGES);
    }

    @ParameterizedTest(name = "platform storage {0}")
    @ValueSource(booleans = {true, false})
    void studentLaunchOpensTheLearningLogAndNavigatesWithHtmx(boolean platformStorage) {
        Response landing = page.waitForResponse(
                r -> r.url().startsWith(TOOL + "/")
                        && r.status() == 200
                        && r.headerValue("content-type") != null
                        && r.headerValue("content-type").startsWith("text/html")
                        && r.headerValue("content-security-policy") != null
                        && !r.headerValue("content-security-policy").endsWith("frame-ancestors *"),
                () -> launch("STUDENT", platformStorage));

        FrameLocator tool = waitForRole("STUDENT");
        assertThat(tool.locator("h1").textContent()).isEqualTo("Je logboek");
        assertFramedByTheSchoolDomain(landing);
        // The login went the intended way: state kept through lti.put_data, or the frame's cookie check passed.
        List<String> toolCookies =
                context.cookies(TOOL).stream().map(cookie -> cookie.name).toList();
        if (platformStorage) {
            assertThat(lmsMessages()).contains("lti.put_data");
            assertThat(toolCookies).doesNotContain("lti_cookie_probe");
        } else {
            assertThat(lmsMessages()).isEmpty();
            assertThat(toolCookies).contains("lti_cookie_probe");
        }
        assertToolCookiesArePartitionedByTheLms();

        Response section = page.waitForResponse(
                r -> r.url().equals(TOOL + "/student/reflections"),
                () -> tool.locator(".app-nav").getByText("Reflecties").click());

        Request request = section.request();
        assertThat(section.status()).isEqualTo(200);
        assertThat(request.headerValue("HX-Request"))
                .as("a boosted htmx request")
                .isEqualTo("true");
        assertThat(request.headerValue("X-Lti-Session"))
                .as("the page-bound session token")
                .isNotBlank();
        assertThat(request.allHeaders().get("cookie"))
                .as("the partitioned session cookie")
                .contains("LTISESSION=");
        waitForText(tool.locator("h1"), "Reflecties");
        assertThat(tool.locator(".app-nav a[aria-current=page]").textContent()).isEqualTo("Reflecties");
        assertThat(tool.locator("body").getAttribute("data-role")).isEqualTo("STUDENT");
        assertThat(toolFrame().url()).isEqualTo(TOOL + "/student/reflections");
    }

    @ParameterizedTest(name = "platform storage {0}")
    @ValueSource(booleans = {true, false})
    void teacherLaunchOpensTheDashboard(boolean platformStorage) {
        launch("TEACHER", platformStorage);

        FrameLocator tool = waitForRole("TEACHER");
        assertThat(tool.locator("h1").textContent()).isEqualTo("Je stagiairs");
        assertThat(tool.locator(".app-nav a").allTextContents())
                .containsExactly("Overzicht", "Studenten", "Opleiding", "Inzicht", "Café");
        assertToolCookiesArePartitionedByTheLms();
    }

    @Test
    void observerIsRefusedWithAnExplanationInsideTheFrame() {
        // Chromium reports every error status in the console; this one is the refusal itself.
        problems.expect(TOOL + "/lti/launch:0:0: Failed to load resource: the server responded with a status of 403");
        launch("OBSERVER", true);

        FrameLocator tool = page.frameLocator("#tool-frame");
        Locator refusal = tool.locator("main[data-error-code]");
        refusal.waitFor();
        assertThat(refusal.getAttribute("data-error-code")).isEqualTo("ACCESS_REFUSED");
        assertThat(tool.locator("h1").textContent()).isEqualTo("Leerlog kon niet worden geopend");
        assertThat(tool.locator(".error-reason").textContent())
                .isEqualTo("Waarnemers kunnen Leerlog niet openen: het leerlogboek van een student is privé.");
        assertThat(tool.locator(".error-id").textContent()).startsWith("Foutcode: ");
        assertThat(tool.locator("body").textContent()).doesNotContain("Exception", "Whitelabel");
        assertThat(context.cookies(TOOL)).extracting(cookie -> cookie.name).doesNotContain("LTISESSION");

        // The LMS page is unharmed: someone else can open the tool in the same frame right away.
        assertThat(page.locator("#launch-form").textContent())
                .as("every person's role has a text")
                .contains("Marieke Visser (tweede docent)", "Daan Bakker (student)")
                .doesNotContain("??");
        startLaunch("STUDENT", true);
        waitForRole("STUDENT");
    }

    @Test
    void aSearchWithAControlCharacterGetsAPageInTheFrameNotABlankBox() {
        launch("STUDENT", false);
        waitForRole("STUDENT");
        // Chromium reports every error status in the console; this one is the refusal itself.
        problems.expect(
                TOOL + "/student/log?q=%00:0:0: Failed to load resource: the server responded with a status of 400");

        Response refused = page.waitForResponse(
                r -> r.url().startsWith(TOOL + "/student/log?q="),
                () -> toolFrame().navigate(TOOL + "/student/log?q=%00"));

        assertThat(refused.status()).isEqualTo(400);
        FrameLocator tool = page.frameLocator("#tool-frame");
        waitForText(tool.locator("h1"), "Tekens die niet kunnen worden gebruikt");
        assertThat(tool.locator("body").textContent()).doesNotContain("Exception", "Whitelabel");
    }

    @Test
    void navigationKeepsWorkingWithThePageBoundTokenAloneWhenTheFrameKeepsNoCookies() {
        launch("STUDENT", true);
        FrameLocator tool = waitForRole("STUDENT");
        context.clearCookies();
        assertThat(context.cookies(TOOL)).isEmpty();

        Response section = page.waitForResponse(
                r -> r.url().equals(TOOL + "/student/insights"),
                () -> tool.locator(".app-nav").getByText("Inzicht").click());

        assertThat(section.status()).isEqualTo(200);
        assertThat(section.request().allHeaders()).doesNotContainKey("cookie").containsKey("x-lti-session");
        waitForText(tool.locator("h1"), "Inzicht");
    }

    @Test
    void platformStorageBindsTheLaunchWhenTheFrameLosesEveryCookieOnTheWay() {
        // As in a browser that keeps no cookie in the frame at all: drop them all once the login has stored
        // its binding in platform storage and the frame is on its way to the LMS's authorization endpoint.
        page.route("**/demo/lms/authorize**", route -> {
            context.clearCookies();
            route.resume();
        });
        launch("STUDENT", true);

        FrameLocator tool = waitForRole("STUDENT");
        assertThat(tool.locator("h1").textContent()).isEqualTo("Je logboek");
        assertThat(lmsMessages()).contains("lti.put_data", "lti.get_data");
    }

    @Test
    void thirdPartyCookiesAreReallyBlockedInTheLmsFrame() {
        launch("STUDENT", false);
        waitForRole("STUDENT");

        // Inside the frame: a plain SameSite=None cookie is dropped, a partitioned one is kept.
        Frame frame = toolFrame();
        frame.evaluate("document.cookie = 'probe_plain=1; Path=/; SameSite=None; Secure'");
        frame.evaluate("document.cookie = 'probe_partitioned=1; Path=/; SameSite=None; Secure; Partitioned'");
        String inFrame = (String) frame.evaluate("document.cookie");
        assertThat(inFrame).contains("probe_partitioned=1").doesNotContain("probe_plain");
        assertThat(context.cookies(TOOL)).extracting(cookie -> cookie.name).doesNotContain("probe_plain");

        // The same cookie on the tool's own site (first party) is kept: the frame dropped it for being third party.
        Page firstParty = context.newPage();
        problems.watch(firstParty);
        firstParty.navigate(TOOL + "/");
        firstParty.evaluate("document.cookie = 'probe_plain=1; Path=/; SameSite=None; Secure'");
        assertThat((String) firstParty.evaluate("document.cookie")).contains("probe_plain=1");
        assertThat(context.cookies(TOOL))
                .filteredOn(cookie -> cookie.name.equals("probe_plain"))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie.partitionKey).isNull());
    }

    @Test
    void navigationIsReachableWithTheKeyboardAndShowsFocus() {
        launch("STUDENT", true);
        FrameLocator tool = waitForRole("STUDENT");

        // From the LMS's last link (its mailbox), Tab enters the frame: first the skip link, the notifications, the
        // menu.
        page.locator("a[href$='/demo/lms/mailbox']").focus();
        page.keyboard().press("Tab");
        Locator skipLink = tool.locator(".skip-link");
        assertThat(isFocused(skipLink)).as("skip link focused").isTrue();
        assertThat(skipLink.boundingBox().x).as("focused skip link on screen").isGreaterThanOrEqualTo(0);

        // The header's link to the notifications comes before the menu.
        page.keyboard().press("Tab");
        assertThat(isFocused(tool.locator(".notifications-link")))
                .as("notifications link focused")
                .isTrue();

        List<String> focused = new ArrayList<>();
        Locator links = tool.locator(".app-nav a");
        for (int i = 0; i < links.count(); i++) {
            page.keyboard().press("Tab");
            Locator link = links.nth(i);
            assertThat(isFocused(link)).as("nav link %d focused", i).isTrue();
            assertThat(link.evaluate("a => getComputedStyle(a).outlineStyle"))
                    .as("focus outline")
                    .isNotEqualTo("none");
            assertThat(((Number) link.evaluate("a => parseFloat(getComputedStyle(a).outlineWidth)")).doubleValue())
                    .as("focus outline width")
                    .isGreaterThanOrEqualTo(2);
            focused.add(link.textContent());
        }
        assertThat(focused)
                .containsExactly("Logboek", "Reflecties", "Inzicht", "Opgeslagen", "Begeleiding", "Café", "Privacy");

        // Enter on the focused link (the last one) opens that section.
        page.keyboard().press("Enter");
        waitForText(tool.locator("h1"), "Jouw privacy");
    }

    @Test
    void screenshotOfTheDemoLmsWithTheStudentPage() throws IOException {
        launch("STUDENT", true);
        waitForRole("STUDENT");
        page.locator(".frame-hint").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        // No hover or focus highlight on the button that started the launch.
        page.mouse().move(1270, 790);
        page.evaluate("document.activeElement.blur()");

        // A picture of the launch in the demo LMS, to look at when the pages change.
        Path file = Paths.get("target", "screenshots", "demo-lms-student.png");
        Files.createDirectories(file.getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        assertThat(Files.size(file)).isBetween(10_000L, 300_000L);
    }

    /** Opens the demo LMS and starts a launch as one of its people. */
    private void launch(String person, boolean platformStorage) {
        page.navigate(SCHOOL + "/");
        startLaunch(person, platformStorage);
    }

    /** Starts a launch from the demo LMS page that is already open. */
    private void startLaunch(String person, boolean platformStorage) {
        page.locator("input[name=lti_storage_target][value='" + (platformStorage ? "post_message_forwarding" : "")
                        + "']")
                .check();
        page.locator("#launch-form button[data-person=" + person + "]").click();
    }

    private FrameLocator waitForRole(String role) {
        FrameLocator tool = page.frameLocator("#tool-frame");
        tool.locator("body[data-role=" + role + "]").waitFor();
        return tool;
    }

    private Frame toolFrame() {
        return page.frame("tool-frame");
    }

    private List<Object> lmsMessages() {
        return List.copyOf((List<?>) page.frame("post_message_forwarding").evaluate("window.leerlogTestMessages"));
    }

    /**
     * The course page is on neither the issuer's nor the authorization endpoint's origin: the launched page may be
     * framed by it because the signed return URL named it, and by the platform's own origins, by no one else.
     */
    private void assertFramedByTheSchoolDomain(Response landing) {
        // The launch sent the frame to the landing page once: cookies work in it (partitioned by the school's site).
        assertThat(landing.url()).isEqualTo(TOOL + "/student/log");
        assertThat(landing.headerValue("content-security-policy"))
                .endsWith("; frame-ancestors 'self' https://demo-lms.leerlog.invalid " + LMS + " " + SCHOOL);
    }

    /** The tool's cookies exist only in the LMS's partition (CHIPS): none is a plain third-party cookie. */
    private void assertToolCookiesArePartitionedByTheLms() {
        List<Cookie> cookies = context.cookies(TOOL);
        assertThat(cookies).extracting(cookie -> cookie.name).contains("LTISESSION");
        assertThat(cookies)
                .allSatisfy(cookie ->
                        assertThat(cookie.partitionKey).as(cookie.name).isEqualTo(LMS_PARTITION));
    }

    private static boolean isFocused(Locator element) {
        return (Boolean) element.evaluate("e => e === document.activeElement && document.hasFocus()");
    }
}
