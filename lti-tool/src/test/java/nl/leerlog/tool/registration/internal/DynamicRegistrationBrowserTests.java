package nl.leerlog.tool.registration.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.leerlog.lti.registration.PlatformRegistrations;
import nl.leerlog.tool.DebianChromium;
import nl.leerlog.tool.registration.RegistrationStatus;
import nl.leerlog.tool.registration.internal.RegistrationTestPlatform.Site;
import nl.leerlog.tool.system.SupportedLocales;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Dynamic Registration in a real Chromium, as an LMS runs it: the LMS page (served by WireMock on 127.0.0.1)
 * frames the tool's registration page on another origin ({@code localhost}), and waits for the tool's
 * {@code org.imsglobal.lti.close} message. The dev profile's settings apply: private hosts allowed, and a new
 * registration active at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = "spring.datasource.url=jdbc:h2:mem:dynamic-registration-browser-tests;"
                + "DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
class DynamicRegistrationBrowserTests {

    /** Debian's Chromium (apt-get install chromium); elsewhere point -Dleerlog.chromium at a Chromium or Chrome. */
    private static final RegistrationTestPlatform LMS = new RegistrationTestPlatform();

    /** The LMS page: frames the tool and keeps every message it receives, with the sender's origin. */
    private static final String LMS_PAGE = """
            <!DOCTYPE html><html><head><title>LMS</title><script>
              window.received = [];
              window.addEventListener('message', function (e) {
                window.received.push({origin: e.origin, subject: e.data && e.data.subject});
              });
            </script></head><body><iframe id="tool" src="%s" width="800" height="600"></iframe></body></html>
            """;

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Autowired
    RegistrationRepository repository;

    @Autowired
    PlatformRegistrations launchRegistrations;

    private final List<String> problems = new CopyOnWriteArrayList<>();
    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void startChromium() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(DebianChromium.launchOptions());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        LMS.close();
    }

    @BeforeEach
    void freshContext() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        context.addInitScript(DebianChromium.REPORT_CSP_VIOLATIONS);
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().startsWith("CSP violation") || message.text().contains("frame-ancestors")) {
                problems.add(message.text());
            }
        });
        page.onPageError(error -> problems.add("script error: " + error));
    }

    @AfterEach
    void noCspViolationsOrScriptErrors() {
        try {
            assertThat(problems).as("CSP violations and script errors").isEmpty();
        } finally {
            context.close();
        }
    }

    @Test
    void registrationInTheLmsFrameClosesItselfAndIsActiveInDevelopment() {
        Site site = LMS.moodleSite();
        String clientId = "browser-client-" + UUID.randomUUID();
        LMS.serveConfiguration(site, RegistrationTestPlatform.moodleConfiguration(site));
        LMS.answerRegistration(site, 200, RegistrationTestPlatform.registrationAnswer(clientId, "8"));

        FrameLocator tool = openInLms(site);

        assertThat(tool.locator("h1").textContent()).isEqualTo(text("registration.done.title"));
        assertThat(tool.locator(".registration-next").textContent()).isEqualTo(text("registration.done.active"));
        page.waitForFunction("() => window.received.length === 1");
        assertThat(received()).containsExactly("http://localhost:" + port + " org.imsglobal.lti.close");

        tool.locator("#registration-close").click();
        page.waitForFunction("() => window.received.length === 2");
        assertThat(received()).last().isEqualTo("http://localhost:" + port + " org.imsglobal.lti.close");

        assertThat(repository.find(site.issuer(), clientId).orElseThrow().status())
                .isEqualTo(RegistrationStatus.ACTIVE);
        assertThat(launchRegistrations.find(site.issuer(), clientId))
                .hasValueSatisfying(
                        registration -> assertThat(registration.deploymentIds()).containsExactly("8"));
    }

    @Test
    void refusedRegistrationIsShownInTheLmsFrameWithoutClosingIt() {
        Site site = LMS.moodleSite();
        LMS.serveConfiguration(site, RegistrationTestPlatform.moodleConfiguration(site));
        LMS.answerRegistration(site, 401, null);

        FrameLocator tool = openInLms(site);

        assertThat(tool.locator("h1").textContent()).isEqualTo(text("registration.failed.title"));
        assertThat(tool.locator(".error-reason").textContent()).isEqualTo(text("registration.error.token-refused"));
        assertThat(received()).as("the admin reads the advice first").isEmpty();
        tool.locator("#registration-close").click();
        page.waitForFunction("() => window.received.length === 1");
        assertThat(received()).containsExactly("http://localhost:" + port + " org.imsglobal.lti.close");
    }

    private FrameLocator openInLms(Site site) {
        String registrationUrl = "http://localhost:" + port + "/lti/registration?openid_configuration="
                + URLEncoder.encode(site.configurationUrl(), StandardCharsets.UTF_8)
                + "&registration_token=" + URLEncoder.encode(site.token(), StandardCharsets.UTF_8);
        String lmsPath = site.configurationPath().replace("openid-configuration.php", "register-tool.html");
        LMS.server()
                .stubFor(get(urlPathEqualTo(lmsPath))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "text/html; charset=utf-8")
                                .withBody(LMS_PAGE.formatted(registrationUrl.replace("&", "&amp;")))));
        page.navigate(LMS.baseUrl() + lmsPath);
        FrameLocator tool = page.frameLocator("#tool");
        tool.locator("h1").waitFor();
        return tool;
    }

    @SuppressWarnings("unchecked")
    private List<String> received() {
        List<java.util.Map<String, Object>> messages =
                (List<java.util.Map<String, Object>>) page.evaluate("() => window.received");
        return messages.stream()
                .map(m -> m.get("origin") + " " + m.get("subject"))
                .toList();
    }

    private String text(String key) {
        return messages.getMessage(key, null, SupportedLocales.closest(Locale.forLanguageTag("nl-NL")));
    }
}
