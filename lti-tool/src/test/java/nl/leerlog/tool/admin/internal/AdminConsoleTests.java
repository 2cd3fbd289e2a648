package nl.leerlog.tool.admin.internal;

import static nl.leerlog.tool.admin.internal.ConsoleClient.location;
import static nl.leerlog.tool.admin.internal.ConsoleClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leerlog.lti.claims.LtiClaims;
import nl.leerlog.lti.session.LtiSessions;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.keys.KeyRotation;
import nl.leerlog.tool.keys.internal.ToolKeyState;
import nl.leerlog.tool.keys.internal.ToolKeyView;
import nl.leerlog.tool.registration.RegistrationDetails;
import nl.leerlog.tool.registration.RegistrationSource;
import nl.leerlog.tool.registration.RegistrationStatus;
import nl.leerlog.tool.registration.internal.RegistrationRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin console over real HTTP, as it runs in development (dev profile, its documented admin): its own
 * login apart from LTI, CSRF on every form, never framed; registrations, the launch debugger and the audit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminConsoleTests {

    static final TestPlatform PLATFORM = TestPlatform.start();
    private static final Pattern ERROR_ID = Pattern.compile("<p class=\"error-id\"><code>[^<:]*: ([A-Z0-9]+)</code>");
    private static final Pattern LTI_SESSION_META = Pattern.compile("<meta name=\"lti-session\" content=\"([^\"]+)\"");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PLATFORM.properties(0).forEach((name, value) -> registry.add(name, () -> value));
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:mem:admin-console-tests;DB_CLOSE_DELAY=-1;"
                        + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        // The console's rotate button may rotate at once here; the wait before a new key signs is tested with the keys.
        registry.add("leerlog.keys.publish-before-use", () -> "PT0S");
    }

    @AfterAll
    static void stopPlatform() {
        PLATFORM.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    RegistrationRepository registrations;

    String baseUrl() {
        return "http://localhost:" + port;
    }

    ConsoleClient anonymous() {
        return new ConsoleClient(baseUrl());
    }

    ConsoleClient admin() {
        return anonymous().loggedInAsDevAdmin();
    }

    long storedRegistration(String clientId) {
        return registrations.create(
                new RegistrationDetails(
                        "https://lms.example.edu",
                        clientId,
                        URI.create("https://lms.example.edu/auth"),
                        URI.create("https://lms.example.edu/jwks"),
                        null,
                        Set.of("RS256"),
                        "Example LMS",
                        null,
                        null),
                RegistrationStatus.ACTIVE,
                RegistrationSource.MANUAL,
                Set.of("deployment-1"));
    }

    @Nested
    class Login {

        @Test
        void anonymousVisitorIsSentToTheLoginPage() {
            for (String page : List.of(
                    "/admin", "/admin/registrations", "/admin/launches", "/admin/audit", "/admin/registrations/new")) {
                HttpResponse<String> response = anonymous().get(page);

                assertThat(response.statusCode()).as(page).isEqualTo(302);
                assertThat(location(response)).as(page).endsWith("/admin/login");
            }
        }

        @Test
        void loginPageSpeaksTheLanguageOfTheBrowser() {
            HttpResponse<String> dutch = anonymous().get("/admin/login", Map.of("Accept-Language", "nl-NL,nl;q=0.9"));
            HttpResponse<String> english = anonymous().get("/admin/login", Map.of("Accept-Language", "en-GB"));

            assertThat(text(dutch)).contains("<html lang=\"nl\">", "Inloggen op het beheer van Leerlog", "Wachtwoord");
            assertThat(text(english)).contains("<html lang=\"en\">", "Log in to the Leerlog admin console", "Password");
        }

        @Test
        void consoleIsNeverShownInAFrame() {
            HttpResponse<String> response = anonymous().get("/admin/login");

            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("frame-ancestors 'none'")
                    .contains("script-src 'self'");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        }

        @Test
        void wrongPasswordFailsWithAClearMessage() {
            ConsoleClient visitor = anonymous();

            HttpResponse<String> response = visitor.login(ConsoleClient.DEV_ADMIN, "not-the-password");

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(location(response)).endsWith("/admin/login?error");
            assertThat(text(visitor.get("/admin/login?error", Map.of("Accept-Language", "en"))))
                    .contains("The user name or password is not right.");
            assertThat(location(visitor.get("/admin/registrations"))).endsWith("/admin/login");
        }

        @Test
        void repeatedGuessingIsLockedOutWithAClearMessage() {
            ConsoleClient guesser = anonymous();
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThat(location(guesser.login("guesser", "guess-" + attempt)))
                        .endsWith("/admin/login?error");
            }

            HttpResponse<String> locked = guesser.login("guesser", "one-more-guess");

            assertThat(location(locked)).endsWith("/admin/login?locked");
            assertThat(text(guesser.get("/admin/login?locked", Map.of("Accept-Language", "en"))))
                    .contains("Too many failed logins.");
        }

        @Test
        void guessesFromEverNewForwardedAddressesStillLockTheAccount() {
            // From loopback, an internal proxy, Tomcat takes each X-Forwarded-For as a new address (RemoteIpValve).
            for (int attempt = 0; attempt < AdminLoginThrottle.MAX_FAILURES_PER_ACCOUNT; attempt++) {
                assertThat(location(anonymous()
                                .loginFrom("203.0.113." + attempt, "distributed-target", "guess-" + attempt)))
                        .endsWith("/admin/login?error");
            }

            HttpResponse<String> locked = anonymous().loginFrom("192.0.2.99", "distributed-target", "one-more-guess");

            assertThat(location(locked)).endsWith("/admin/login?locked");
        }

        @Test
        void unknownUserFailsLikeAWrongPassword() {
            HttpResponse<String> response = anonymous().login("root", ConsoleClient.DEV_PASSWORD);

            assertThat(location(response)).endsWith("/admin/login?error");
        }

        @Test
        void devAdminLogsInAndSeesTheRegistrations() {
            ConsoleClient admin = admin();

            HttpResponse<String> page = admin.get("/admin/registrations");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(text(page)).contains(PLATFORM.issuer(), PLATFORM.clientId(), "Configuration (read-only)");
            assertThat(admin.cookies()).containsKey("LEERLOG_ADMIN");
        }

        @Test
        void loginRenewsTheSessionId() {
            ConsoleClient visitor = anonymous();
            visitor.get("/admin/login");
            String before = visitor.cookies().get("LEERLOG_ADMIN");

            visitor.login(ConsoleClient.DEV_ADMIN, ConsoleClient.DEV_PASSWORD);

            assertThat(before).isNotNull();
            assertThat(visitor.cookies().get("LEERLOG_ADMIN")).isNotNull().isNotEqualTo(before);
        }

        @Test
        void loginWithoutCsrfTokenIsRefused() {
            ConsoleClient visitor = anonymous();
            visitor.get("/admin/login");

            HttpResponse<String> response = visitor.postWithoutCsrf(
                    "/admin/login",
                    Map.of("username", ConsoleClient.DEV_ADMIN, "password", ConsoleClient.DEV_PASSWORD));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(location(visitor.get("/admin/registrations"))).endsWith("/admin/login");
        }

        @Test
        void logoutEndsTheAdminSession() {
            ConsoleClient admin = admin();

            HttpResponse<String> response = admin.submit("/admin/registrations", "/admin/logout", Map.of());

            assertThat(location(response)).endsWith("/admin/login?logged-out");
            assertThat(location(admin.get("/admin/registrations"))).endsWith("/admin/login");
        }
    }

    @Nested
    class LtiSessionsAreNoAdmins {

        @Test
        void launchedSessionCookieAndHeaderNeverOpenTheConsole() {
            LaunchClient browser = new LaunchClient(baseUrl());
            HttpResponse<String> landing = browser.fullLaunch(
                    PLATFORM,
                    claims -> claims.claim(
                            LtiClaims.ROLES,
                            List.of(
                                    TestPlatform.INSTRUCTOR,
                                    "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator")));
            Matcher meta = LTI_SESSION_META.matcher(landing.body());
            assertThat(landing.statusCode()).isEqualTo(200);
            assertThat(meta.find()).as("page-bound session token").isTrue();
            String token = meta.group(1);
            assertThat(browser.cookies()).containsKey(LtiSessions.COOKIE);
            // The session is a real one: it opens the tool's own pages, with the header and with the cookie.
            assertThat(browser.get("/home", Map.of(LtiSessions.HEADER, token)).statusCode())
                    .isEqualTo(200);
            assertThat(browser.get("/home").statusCode()).isEqualTo(200);

            for (String page : List.of("/admin/registrations", "/admin/launches", "/admin/audit")) {
                HttpResponse<String> withBoth = browser.get(page, Map.of(LtiSessions.HEADER, token));
                HttpResponse<String> withCookie = browser.get(page);

                assertThat(withBoth.statusCode()).as(page).isEqualTo(302);
                assertThat(location(withBoth)).as(page).endsWith("/admin/login");
                assertThat(withCookie.statusCode()).as(page).isEqualTo(302);
                assertThat(location(withCookie)).as(page).endsWith("/admin/login");
            }
        }

        @Test
        void launchedSessionCannotChangeARegistration() {
            long id = storedRegistration("lti-session-cannot-disable");
            LaunchClient browser = new LaunchClient(baseUrl());
            String token = sessionToken(browser.fullLaunch(
                    PLATFORM, claims -> claims.claim(LtiClaims.ROLES, List.of(TestPlatform.INSTRUCTOR))));

            HttpResponse<String> response = browser.send(java.net.http.HttpRequest.newBuilder(
                            URI.create(baseUrl() + "/admin/registrations/" + id + "/disable"))
                    .header(LtiSessions.HEADER, token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("")));

            assertThat(response.statusCode()).isIn(302, 403);
            assertThat(registrations.findById(id).orElseThrow().status()).isEqualTo(RegistrationStatus.ACTIVE);
        }

        private String sessionToken(HttpResponse<String> landing) {
            Matcher meta = LTI_SESSION_META.matcher(landing.body());
            assertThat(meta.find()).isTrue();
            return meta.group(1);
        }
    }

    @Nested
    class Csrf {

        @Test
        void statusChangeWithoutCsrfTokenIsRefused() {
            long id = storedRegistration("csrf-disable");
            ConsoleClient admin = admin();

            HttpResponse<String> forged = admin.postWithoutCsrf("/admin/registrations/" + id + "/disable", Map.of());

            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(text(forged)).doesNotContain("Exception");
            assertThat(registrations.findById(id).orElseThrow().status()).isEqualTo(RegistrationStatus.ACTIVE);

            HttpResponse<String> real =
                    admin.submit("/admin/registrations/" + id, "/admin/registrations/" + id + "/disable", Map.of());

            assertThat(real.statusCode()).isEqualTo(302);
            assertThat(registrations.findById(id).orElseThrow().status()).isEqualTo(RegistrationStatus.DISABLED);
        }

        @Test
        void createDeleteAndDeploymentsWithoutCsrfTokenAreRefused() {
            long id = storedRegistration("csrf-others");
            ConsoleClient admin = admin();

            assertThat(admin.postWithoutCsrf(
                                    "/admin/registrations",
                                    Map.of(
                                            "issuer",
                                            "https://x.example.edu",
                                            "clientId",
                                            "forged",
                                            "authorizationUri",
                                            "https://x.example.edu/a",
                                            "jwkSetUri",
                                            "https://x.example.edu/j",
                                            "algorithms",
                                            "RS256"))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(admin.postWithoutCsrf("/admin/registrations/" + id + "/delete", Map.of())
                            .statusCode())
                    .isEqualTo(403);
            assertThat(admin.postWithoutCsrf(
                                    "/admin/registrations/" + id + "/deployments", Map.of("deploymentId", "forged"))
                            .statusCode())
                    .isEqualTo(403);

            assertThat(registrations.find("https://x.example.edu", "forged")).isEmpty();
            assertThat(registrations.findById(id).orElseThrow().deploymentIds()).containsExactly("deployment-1");
        }
    }

    @Nested
    class SigningKeys {

        @Autowired
        KeyRotation rotation;

        @Test
        void keysPageShowsWhichKeySignsAndRotatesOnRequestWithAnAuditEntry() {
            ConsoleClient admin = admin();
            String next = rotation.keys().stream()
                    .filter(k -> k.state() == ToolKeyState.NEXT)
                    .findFirst()
                    .orElseThrow()
                    .kid();

            String page = text(admin.get("/admin/keys"));
            assertThat(page)
                    .contains("data-state=\"CURRENT\"", "data-state=\"NEXT\"", next)
                    .doesNotContain("\"d\":");

            HttpResponse<String> rotated = admin.submit("/admin/keys", "/admin/keys/rotate", Map.of());

            assertThat(rotated.statusCode()).isEqualTo(302);
            assertThat(location(rotated)).endsWith("/admin/keys");
            assertThat(rotation.keys())
                    .filteredOn(k -> k.state() == ToolKeyState.CURRENT)
                    .singleElement()
                    .extracting(ToolKeyView::kid)
                    .isEqualTo(next);
            assertThat(text(admin.get("/admin/audit"))).contains("data-action=\"KEYS_ROTATED\"");
        }

        @Test
        void rotatingNeedsTheConsolesFormToken() {
            assertThat(admin().postWithoutCsrf("/admin/keys/rotate", Map.of()).statusCode())
                    .isEqualTo(403);
            assertThat(anonymous().get("/admin/keys").statusCode()).isEqualTo(302);
        }
    }

    @Nested
    class Registrations {

        @Test
        void validationErrorsAreShownNextToTheFieldsAndKeepTheInput() {
            ConsoleClient admin = admin();

            HttpResponse<String> response = admin.submitRaw(
                    "/admin/registrations/new",
                    "/admin/registrations",
                    LaunchClient.form(Map.of(
                                    "issuer", "http://lms.example.edu",
                                    "clientId", "kept-client-id",
                                    "platformName", "Kept platform",
                                    "deploymentIds", "kept-deployment",
                                    "authorizationUri", "not a url",
                                    "jwkSetUri", "",
                                    "clockSkewSeconds", "ten",
                                    "privacyLevel", "email_only"))
                            + "&algorithms=RS384");

            String page = text(response);
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(fieldError(page, "issuer"))
                    .isEqualTo("Please enter an https URL (plain http only for localhost).");
            assertThat(fieldError(page, "authorizationUri")).startsWith("Please enter a complete URL");
            assertThat(fieldError(page, "jwkSetUri")).isEqualTo("Please fill this in.");
            assertThat(fieldError(page, "clockSkewSeconds")).startsWith("Please enter a whole number of seconds");
            assertThat(fieldError(page, "algorithms")).startsWith("RS256 must stay on");
            assertThat(page).doesNotContain("id=\"clientId-error\"");
            // Everything typed is still there.
            assertThat(page)
                    .contains(
                            "value=\"http://lms.example.edu\"",
                            "value=\"kept-client-id\"",
                            "value=\"Kept platform\"",
                            ">kept-deployment</textarea>",
                            "value=\"not a url\"",
                            "value=\"ten\"");
            assertThat(page).containsPattern("value=\"RS384\" checked");
            assertThat(page).containsPattern("<option value=\"email_only\" selected");
            assertThat(registrations.find("http://lms.example.edu", "kept-client-id"))
                    .isEmpty();
        }

        @Test
        void duplicateIssuerAndClientIdIsAFieldError() {
            storedRegistration("taken-client-id");
            ConsoleClient admin = admin();

            HttpResponse<String> response = admin.submitRaw(
                    "/admin/registrations/new",
                    "/admin/registrations",
                    LaunchClient.form(Map.of(
                                    "issuer",
                                    "https://lms.example.edu",
                                    "clientId",
                                    "taken-client-id",
                                    "authorizationUri",
                                    "https://lms.example.edu/auth",
                                    "jwkSetUri",
                                    "https://lms.example.edu/jwks"))
                            + "&algorithms=RS256");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(fieldError(text(response), "clientId"))
                    .isEqualTo("This issuer and client id are registered already.");
        }

        @Test
        void addedRegistrationIsActiveAndAudited() {
            ConsoleClient admin = admin();

            HttpResponse<String> response = admin.submitRaw(
                    "/admin/registrations/new",
                    "/admin/registrations",
                    LaunchClient.form(Map.of(
                                    "issuer",
                                    "https://school.instructure.com",
                                    "clientId",
                                    "10000000000077",
                                    "platformName",
                                    "School Canvas",
                                    "deploymentIds",
                                    "dep-a\ndep-b",
                                    "authorizationUri",
                                    "https://sso.canvaslms.com/api/lti/authorize_redirect",
                                    "jwkSetUri",
                                    "https://sso.canvaslms.com/api/lti/security/jwks",
                                    "clockSkewSeconds",
                                    "30",
                                    "privacyLevel",
                                    "name_only"))
                            + "&algorithms=RS256&algorithms=ES256");

            assertThat(response.statusCode()).isEqualTo(302);
            var stored = registrations
                    .find("https://school.instructure.com", "10000000000077")
                    .orElseThrow();
            assertThat(location(response)).endsWith("/admin/registrations/" + stored.id());
            assertThat(stored.status()).isEqualTo(RegistrationStatus.ACTIVE);
            assertThat(stored.source()).isEqualTo(RegistrationSource.MANUAL);
            assertThat(stored.deploymentIds()).containsExactly("dep-a", "dep-b");
            assertThat(stored.details().algorithms()).containsExactlyInAnyOrder("RS256", "ES256");
            assertThat(stored.details().clockSkew()).isEqualTo(Duration.ofSeconds(30));
            assertThat(stored.details().privacyLevel()).isEqualTo("name_only");
            assertThat(text(admin.get("/admin/audit")))
                    .contains(
                            "data-action=\"REGISTRATION_CREATED\"",
                            "https://school.instructure.com#10000000000077",
                            "deployments=dep-a, dep-b");
        }

        @Test
        void editKeepsIssuerAndClientIdWhateverIsPosted() {
            long id = storedRegistration("edit-keeps-identity");
            ConsoleClient admin = admin();

            HttpResponse<String> response = admin.submitRaw(
                    "/admin/registrations/" + id + "/edit",
                    "/admin/registrations/" + id,
                    LaunchClient.form(Map.of(
                                    "issuer",
                                    "https://evil.example.com",
                                    "clientId",
                                    "other",
                                    "platformName",
                                    "Renamed",
                                    "authorizationUri",
                                    "https://lms.example.edu/auth2",
                                    "jwkSetUri",
                                    "https://lms.example.edu/jwks"))
                            + "&algorithms=RS256");

            assertThat(response.statusCode()).isEqualTo(302);
            var stored = registrations.findById(id).orElseThrow();
            assertThat(stored.details().issuer()).isEqualTo("https://lms.example.edu");
            assertThat(stored.details().clientId()).isEqualTo("edit-keeps-identity");
            assertThat(stored.details().platformName()).isEqualTo("Renamed");
            assertThat(stored.details().authorizationUri()).hasToString("https://lms.example.edu/auth2");
            assertThat(text(admin.get("/admin/audit")))
                    .contains(
                            "data-action=\"REGISTRATION_UPDATED\"",
                            "authorizationUri=https://lms.example.edu/auth -> https://lms.example.edu/auth2");
        }

        @Test
        void pendingRegistrationIsApprovedThenDisabledEnabledAndDeleted() {
            long id = registrations.create(
                    new RegistrationDetails(
                            "https://pending.example.edu",
                            "dyn-1",
                            URI.create("https://pending.example.edu/auth"),
                            URI.create("https://pending.example.edu/jwks"),
                            null,
                            Set.of("RS256"),
                            "Pending LMS",
                            null,
                            null),
                    RegistrationStatus.PENDING,
                    RegistrationSource.DYNAMIC,
                    Set.of());
            ConsoleClient admin = admin();
            String page = "/admin/registrations/" + id;

            assertThat(admin.submit(page, page + "/approve", Map.of()).statusCode())
                    .isEqualTo(302);
            assertThat(registrations.findById(id).orElseThrow().status()).isEqualTo(RegistrationStatus.ACTIVE);
            // Approving twice is not a change that applies any more.
            assertThat(admin.submit(page, page + "/approve", Map.of()).statusCode())
                    .isEqualTo(409);
            admin.submit(page, page + "/disable", Map.of());
            assertThat(registrations.findById(id).orElseThrow().status()).isEqualTo(RegistrationStatus.DISABLED);
            admin.submit(page, page + "/enable", Map.of());
            assertThat(registrations.findById(id).orElseThrow().status()).isEqualTo(RegistrationStatus.ACTIVE);
            assertThat(admin.submit(page, page + "/deployments", Map.of("deploymentId", "new-deployment"))
                            .statusCode())
                    .isEqualTo(302);
            assertThat(registrations.findById(id).orElseThrow().deploymentIds()).containsExactly("new-deployment");
            admin.submit(page, page + "/deployments/remove", Map.of("deploymentId", "new-deployment"));
            assertThat(registrations.findById(id).orElseThrow().deploymentIds()).isEmpty();
            assertThat(text(admin.get(page + "/delete")))
                    .contains("Delete this registration?", "https://pending.example.edu");
            assertThat(admin.submit(page + "/delete", page + "/delete", Map.of())
                            .statusCode())
                    .isEqualTo(302);
            assertThat(registrations.findById(id)).isEmpty();
            assertThat(admin.get(page).statusCode()).isEqualTo(404);

            String audit = text(admin.get("/admin/audit"));
            assertThat(audit)
                    .contains(
                            "REGISTRATION_APPROVED",
                            "REGISTRATION_DISABLED",
                            "REGISTRATION_ENABLED",
                            "DEPLOYMENT_ADDED",
                            "DEPLOYMENT_REMOVED",
                            "REGISTRATION_DELETED");
            // Newest first: the deletion comes before the approval.
            assertThat(audit.indexOf("\"REGISTRATION_DELETED\""))
                    .isLessThan(audit.indexOf("\"REGISTRATION_APPROVED\""));
            assertThat(audit).contains("<td>admin</td>");
        }

        @Test
        void emptyDeploymentIdIsAFieldError() {
            long id = storedRegistration("empty-deployment");
            ConsoleClient admin = admin();

            HttpResponse<String> response = admin.submit(
                    "/admin/registrations/" + id,
                    "/admin/registrations/" + id + "/deployments",
                    Map.of("deploymentId", "   "));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(fieldError(text(response), "deploymentId")).isEqualTo("Please fill this in.");
        }

        @Test
        void configuredRegistrationIsReadOnly() {
            ConsoleClient admin = admin();

            HttpResponse<String> page = admin.get("/admin/registrations/configured?id="
                    + java.net.URLEncoder.encode(
                            PLATFORM.issuer() + "#" + PLATFORM.clientId(), java.nio.charset.StandardCharsets.UTF_8));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(text(page))
                    .contains("id=\"read-only\"", PLATFORM.jwkSetUri().toString())
                    .doesNotContain("/edit\"", "id=\"disable\"", "id=\"delete\"");
        }

        @Test
        void registrationPageShowsTheLmsOriginsThatFramedItsLaunches() {
            LaunchClient browser = new LaunchClient(baseUrl());
            HttpResponse<String> landing = browser.fullLaunch(
                    PLATFORM,
                    claims -> claims.claim(
                            LtiClaims.LAUNCH_PRESENTATION,
                            Map.of(
                                    "document_target",
                                    "iframe",
                                    "return_url",
                                    "https://canvas.uva.example/courses/3/modules")));
            assertThat(landing.statusCode()).isEqualTo(200);
            ConsoleClient admin = admin();

            HttpResponse<String> page = admin.get("/admin/registrations/configured?id="
                    + java.net.URLEncoder.encode(
                            PLATFORM.issuer() + "#" + PLATFORM.clientId(), java.nio.charset.StandardCharsets.UTF_8));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("class=\"frame-origin\"", "<code>https://canvas.uva.example</code>")
                    .doesNotContain("/courses/3/modules");
        }

        @Test
        void unknownOrMalformedRegistrationGivesAPageNotAServerError() {
            ConsoleClient admin = admin();

            assertThat(admin.get("/admin/registrations/999999").statusCode()).isEqualTo(404);
            assertThat(admin.get("/admin/registrations/not-a-number").statusCode())
                    .isEqualTo(400);
            assertThat(admin.get("/admin/registrations/configured?id=nobody%23none")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(text(admin.get("/admin/registrations/not-a-number"))).doesNotContain("Exception");
        }
    }

    @Nested
    class LaunchDebugger {

        @Test
        void refusedLaunchIsFoundByItsErrorIdWithItsClaimsButNeverTheToken() {
            LaunchClient browser = new LaunchClient(baseUrl());
            LaunchClient.LoginRedirect login = browser.login(PLATFORM);
            var claims = PLATFORM.launchClaims(login.nonce(), browser.launchUrl())
                    .claim(LtiClaims.DEPLOYMENT_ID, "deployment-nobody-added")
                    .claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("canvas_course_id", "4711"));
            String idToken = PLATFORM.sign(claims.build());
            HttpResponse<String> refused = browser.launch(idToken, login.state());
            Matcher errorId = ERROR_ID.matcher(refused.body());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(errorId.find()).as("error id on the failure page").isTrue();

            ConsoleClient admin = admin();
            // Read out over the phone, the id may come in lower case.
            HttpResponse<String> found =
                    admin.get("/admin/launches?error-id=" + errorId.group(1).toLowerCase());

            String page = text(found);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(page)
                    .contains(
                            "data-error-id=\"" + errorId.group(1) + "\"",
                            "DEPLOYMENT_UNKNOWN",
                            PLATFORM.issuer() + "#" + PLATFORM.clientId());
            // The claims, decoded and indented.
            assertThat(page)
                    .contains(
                            "\"" + LtiClaims.DEPLOYMENT_ID + "\" : \"deployment-nobody-added\"",
                            "\"canvas_course_id\" : \"4711\"")
                    .containsPattern("\n  \"iss\" : ");
            // Never the token, nor its signature.
            String signature = idToken.substring(idToken.lastIndexOf('.') + 1);
            assertThat(page).doesNotContain(idToken).doesNotContain(signature);
            assertThat(page.split("data-error-id=").length - 1).isEqualTo(1);
        }

        @Test
        void unknownErrorIdSaysSo() {
            HttpResponse<String> page = admin().get("/admin/launches?error-id=ZZZZ2222");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(text(page))
                    .contains("No refused launch has error id ZZZZ2222")
                    .doesNotContain("data-error-id=");
        }

        @Test
        void htmxSearchGetsTheResultsOnly() {
            HttpResponse<String> page = admin().get("/admin/launches?error-id=ZZZZ3333", Map.of("HX-Request", "true"));

            assertThat(page.body()).startsWith("<section id=\"launch-results\"").doesNotContain("<html");
        }

        @Test
        void acceptedLaunchShowsOnItsRegistration() {
            LaunchClient browser = new LaunchClient(baseUrl());
            assertThat(browser.fullLaunch(PLATFORM, claims -> {}).statusCode()).isEqualTo(200);

            ConsoleClient admin = admin();
            String registration = text(admin.get("/admin/registrations/configured?id="
                    + java.net.URLEncoder.encode(
                            PLATFORM.issuer() + "#" + PLATFORM.clientId(), java.nio.charset.StandardCharsets.UTF_8)));
            String list = text(admin.get("/admin/registrations"));

            assertThat(registration)
                    .contains("class=\"launch-accepted\"", PLATFORM.deploymentId(), "Stage 2026", "STUDENT");
            assertThat(registration).doesNotContain("Sanne", "sanne@example.edu");
            assertThat(rowOf(list, PLATFORM.issuer() + "#" + PLATFORM.clientId()))
                    .doesNotContain(">never<");
        }
    }

    /** The error shown under a form field ({@code <p class="field-error" id="FIELD-error">}). */
    static String fieldError(String page, String field) {
        Matcher matcher = Pattern.compile("<p class=\"field-error\" id=\"" + field + "-error\">([^<]*)</p>")
                .matcher(page);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String rowOf(String page, String registrationId) {
        int start = page.indexOf("data-registration=\"" + registrationId + "\"");
        assertThat(start).as("row of " + registrationId).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
