package nl.leerlog.tool.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import nl.leerlog.tool.DebianChromium;
import nl.leerlog.tool.PageProblems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin console in a real Chromium, in Dutch: log in as the development admin, add a registration with a
 * deployment, see it listed, disable it, and read the audit. Every page must load without a CSP violation or a
 * script error.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:admin-browser-tests;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
class AdminConsoleBrowserTests {

    /** Debian's Chromium (apt-get install chromium); elsewhere point -Dleerlog.chromium at a Chromium or Chrome. */
    private static final String ISSUER = "https://canvas.school.example";

    private static final String CLIENT_ID = "10000000000042";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    private final PageProblems problems = new PageProblems();
    private BrowserContext context;
    private Page page;

    /** A failed test leaves a screenshot in target/screenshots. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = test -> {
        if (test.getExecutionException().isPresent() && page != null && !page.isClosed()) {
            Path directory = Files.createDirectories(Paths.get("target", "screenshots"));
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(directory.resolve(
                            "failed-admin-" + test.getRequiredTestMethod().getName() + ".png")));
        }
    };

    @BeforeAll
    static void startChromium() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(DebianChromium.launchOptions());
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void freshContext() {
        context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("nl-NL"));
        page = problems.openWatched(context);
    }

    @AfterEach
    void noCspViolationsOrScriptErrors() {
        problems.assertNoneAndClose(context);
    }

    @Test
    void adminAddsARegistrationWithADeploymentDisablesItAndSeesTheAudit() {
        // The form comes back once with its errors (422): Chromium reports that status in the console.
        problems.expect("the server responded with a status of 422");
        logIn();

        page.locator("#add-registration").click();
        page.locator("h1")
                .filter(new Locator.FilterOptions().setHasText("Registratie toevoegen"))
                .waitFor();
        page.locator("#issuer").fill(ISSUER);
        page.locator("#clientId").fill(CLIENT_ID);
        page.locator("#platformName").fill("Canvas van de school");
        page.locator("#deploymentIds").fill("42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");
        page.locator("#authorizationUri").fill("https://sso.canvaslms.com/api/lti/authorize_redirect");
        // The key set URL is forgotten at first: the error shows next to it, the rest stays as typed.
        page.locator("form.registration-form button[type=submit]").click();
        page.locator("#jwkSetUri-error").waitFor();
        assertThat(page.locator("#jwkSetUri-error").textContent()).isEqualTo("Vul dit in.");
        assertThat(page.locator("#jwkSetUri").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.locator("#issuer").inputValue()).isEqualTo(ISSUER);
        assertThat(page.locator("#deploymentIds").inputValue())
                .isEqualTo("42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");

        page.locator("#jwkSetUri").fill("https://sso.canvaslms.com/api/lti/security/jwks");
        page.locator("form.registration-form button[type=submit]").click();
        page.locator(".notice-success").waitFor();
        assertThat(page.locator(".notice-success").textContent()).isEqualTo("De registratie is toegevoegd.");
        assertThat(page.locator("main").getAttribute("data-status")).isEqualTo("ACTIVE");
        assertThat(page.locator(".deployment-list code").allTextContents())
                .containsExactly("42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");

        page.locator(".admin-nav").getByText("Registraties").click();
        Locator row = page.locator("tr[data-registration='" + ISSUER + "#" + CLIENT_ID + "']");
        row.waitFor();
        assertThat(row.getAttribute("data-status")).isEqualTo("ACTIVE");
        assertThat(row.locator(".status").textContent()).isEqualTo("Actief");
        assertThat(row.locator(".deployments").textContent()).contains("42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");
        assertThat(row.textContent()).contains("Canvas van de school", "Toegevoegd door een beheerder", "nooit");

        row.getByText(ISSUER).click();
        page.locator("#disable").click();
        page.locator(".notice-success").waitFor();
        assertThat(page.locator("main").getAttribute("data-status")).isEqualTo("DISABLED");
        assertThat(page.locator(".status").first().textContent()).isEqualTo("Uitgeschakeld");
        assertThat(page.locator("#enable").isVisible()).isTrue();

        page.locator(".admin-nav").getByText("Logboek van wijzigingen").click();
        Locator entries = page.locator("#audit tbody tr");
        entries.first().waitFor();
        assertThat(entries.evaluateAll("rows => rows.map(r => r.dataset.action)"))
                .isEqualTo(List.of("REGISTRATION_DISABLED", "REGISTRATION_CREATED"));
        assertThat(entries.nth(0).textContent())
                .contains("admin", "Registratie uitgeschakeld", ISSUER + "#" + CLIENT_ID, "status=ACTIVE -> DISABLED");
        assertThat(entries.nth(1).textContent())
                .contains("Registratie toegevoegd", "deployments=42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");
    }

    @Test
    void launchDebuggerSearchesByErrorIdWithHtmx() {
        logIn();
        page.locator(".admin-nav").getByText("Startfouten zoeken").click();
        page.locator("#error-id").waitFor();

        page.locator("#error-id").fill("ZZZZ2222");
        Response search = page.waitForResponse(
                r -> r.url().contains("/admin/launches?error-id=ZZZZ2222"),
                () -> page.locator("#error-id").press("Enter"));

        assertThat(search.request().headerValue("HX-Request"))
                .as("an htmx request")
                .isEqualTo("true");
        page.waitForCondition(
                () -> page.locator("#launch-results").textContent().contains("ZZZZ2222"));
        assertThat(page.locator("#launch-results").textContent())
                .contains("Geen geweigerde start heeft foutcode ZZZZ2222");
        assertThat(page.url()).endsWith("/admin/launches?error-id=ZZZZ2222");
        assertThat(page.locator("h1").textContent()).isEqualTo("Startfouten zoeken");
    }

    @Test
    void consoleIsKeyboardAccessibleAndFitsAPhone() {
        logIn();

        page.keyboard().press("Tab");
        assertThat(isFocused(page.locator(".skip-link"))).as("skip link first").isTrue();
        page.keyboard().press("Tab");
        Locator first = page.locator(".admin-nav a").first();
        assertThat(isFocused(first)).as("then the navigation").isTrue();
        assertThat(((Number) first.evaluate("a => parseFloat(getComputedStyle(a).outlineWidth)")).doubleValue())
                .as("visible focus outline")
                .isGreaterThanOrEqualTo(2);

        page.setViewportSize(390, 844);
        page.reload();
        assertThat((Boolean)
                        page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no sideways scrolling of the page on a phone")
                .isTrue();
    }

    @Test
    void logInPageRefusesAWrongPasswordInDutch() {
        page.navigate("http://localhost:" + port + "/admin/registrations");
        page.locator("#username").fill(ConsoleClient.DEV_ADMIN);
        page.locator("#password").fill("fout");
        page.locator("form.login-form button[type=submit]").click();

        page.locator("#login-failed").waitFor();
        assertThat(page.locator("#login-failed").textContent())
                .isEqualTo("De gebruikersnaam of het wachtwoord klopt niet. Probeer het opnieuw.");
        assertThat(page.url()).endsWith("/admin/login?error");
    }

    private void logIn() {
        page.navigate("http://localhost:" + port + "/admin/registrations");
        assertThat(page.url()).endsWith("/admin/login");
        assertThat(page.locator("h1").textContent()).isEqualTo("Inloggen op het beheer van Leerlog");
        page.locator("#username").fill(ConsoleClient.DEV_ADMIN);
        page.locator("#password").fill(ConsoleClient.DEV_PASSWORD);
        page.locator("form.login-form button[type=submit]").click();
        page.waitForURL(url -> url.contains("/admin/registrations"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Registraties");
    }

    private static boolean isFocused(Locator element) {
        return (Boolean) element.evaluate("e => e === document.activeElement");
    }
}
