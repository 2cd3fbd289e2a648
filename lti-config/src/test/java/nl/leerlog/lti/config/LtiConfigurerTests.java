package nl.leerlog.lti.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.leerlog.lti.launch.FrameAncestors;
import nl.leerlog.lti.session.LtiSessions;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A Spring Boot app that adds LTI launches in a few lines, launched through the whole flow. */
@SpringBootTest(classes = LtiConfigurerTests.ToolApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LtiConfigurerTests {

    static final TestPlatform PLATFORM = TestPlatform.start();

    @SpringBootApplication
    static class ToolApp {

        @Bean
        SecurityFilterChain tool(HttpSecurity http) {
            return http.authorizeHttpRequests(requests -> requests.requestMatchers(LtiConfigurer.PUBLIC_PATHS)
                            .permitAll()
                            .anyRequest()
                            .authenticated())
                    .with(LtiConfigurer.lti(), lti -> lti.landingPath("/landing"))
                    .build();
        }

        @RestController
        static class Pages {
            @GetMapping("/landing")
            String landing(Authentication user) {
                return "hello " + user.getName();
            }

            @GetMapping("/csrf")
            String csrf(CsrfToken token) {
                return token.getToken();
            }

            @PostMapping("/notes")
            String save() {
                return "saved";
            }
        }
    }

    @DynamicPropertySource
    static void register(DynamicPropertyRegistry registry) {
        PLATFORM.properties(0).forEach((name, value) -> registry.add(name, () -> value));
        // The test platform is on 127.0.0.1, which platform calls may not reach unless allowed.
        registry.add("lti.platform-http.allow-private-hosts", () -> "true");
    }

    @AfterAll
    static void stop() {
        PLATFORM.close();
    }

    @LocalServerPort
    int port;

    LaunchClient browser;

    @BeforeEach
    void newBrowser() {
        browser = new LaunchClient("http://localhost:" + port);
    }

    @Test
    void landsOnTheLandingPageAsTheLaunchedUser() {
        HttpResponse<String> landing = browser.fullLaunch(PLATFORM, claims -> claims.subject("student-42"));

        // The frame kept the binding cookie, so it keeps the session cookie: one redirect to the landing page.
        HttpResponse<String> launch = landing.previousResponse().orElseThrow();
        assertThat(launch.statusCode()).isEqualTo(303);
        assertThat(launch.headers().firstValue("Location")).hasValue("/landing");
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).isEqualTo("hello student-42");
        assertThat(browser.cookies()).containsKey(LtiSessions.COOKIE).doesNotContainKey("JSESSIONID");
        assertThat(launch.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith(LtiSessions.COOKIE + "="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=None", "Partitioned"));
    }

    @Test
    void carriesTheSessionByCookieOrByThePageBoundHeader() {
        browser.fullLaunch(PLATFORM, claims -> claims.subject("student-43"));
        String token = browser.cookies().get(LtiSessions.COOKIE);

        assertThat(browser.get("/landing").body()).isEqualTo("hello student-43");
        LaunchClient cookieless = new LaunchClient(browser.toolBaseUrl());
        assertThat(cookieless.get("/landing").statusCode()).isIn(401, 403);
        assertThat(cookieless.get("/landing", Map.of(LtiSessions.HEADER, token)).body())
                .isEqualTo("hello student-43");
    }

    @Test
    void protectsOtherFormsWithTheSessionsCsrfToken() {
        browser.fullLaunch(PLATFORM, claims -> {});

        assertThat(browser.post("/notes", Map.of()).statusCode()).isEqualTo(403);
        String csrf = browser.get("/csrf").body();
        assertThat(browser.post("/notes", Map.of("_csrf", csrf)).body()).isEqualTo("saved");
    }

    @Test
    void publishesTheToolKeysOnAPageWithoutUserData() {
        HttpResponse<String> jwks = browser.get("/.well-known/jwks.json");

        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
        assertThat(jwks.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).endsWith("; " + FrameAncestors.BEFORE_LAUNCH));
    }

    @Test
    void loginPagesMayBeFramedByAnyLmsPage() {
        HttpResponse<String> storageBridge = browser.get("/lti/login?"
                + LaunchClient.form(Map.of(
                        "iss",
                        PLATFORM.issuer(),
                        "client_id",
                        PLATFORM.clientId(),
                        "login_hint",
                        "hint",
                        "target_link_uri",
                        browser.launchUrl(),
                        "lti_storage_target",
                        "_parent")));
        HttpResponse<String> refusal = browser.get("/lti/login?iss=" + PLATFORM.issuer());

        assertThat(storageBridge.statusCode()).isEqualTo(200);
        assertThat(storageBridge.body()).contains("data-mode=\"store\"");
        assertThat(refusal.statusCode()).isEqualTo(400);
        for (HttpResponse<String> page : java.util.List.of(storageBridge, refusal)) {
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp).endsWith("; frame-ancestors *"));
        }
    }

    @Test
    void launchedPagesMayBeFramedByThePlatformAndThePageTheLaunchCameFrom() {
        browser.fullLaunch(
                PLATFORM,
                claims -> claims.claim(
                        "https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
                        Map.of(
                                "document_target",
                                "iframe",
                                "return_url",
                                "https://canvas.school.example/courses/7/modules")));

        HttpResponse<String> page = browser.get("/landing");

        String authorization = PLATFORM.authorizationUri().getScheme() + "://"
                + PLATFORM.authorizationUri().getAuthority();
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .endsWith("; frame-ancestors 'self' https://platform.example.edu " + authorization
                                + " https://canvas.school.example"));
    }

    @Test
    void aLaunchWithoutAReturnUrlIsFramedByThePlatformOnly() {
        browser.fullLaunch(PLATFORM, claims -> {});

        HttpResponse<String> page = browser.get("/landing");

        String authorization = PLATFORM.authorizationUri().getScheme() + "://"
                + PLATFORM.authorizationUri().getAuthority();
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .endsWith("; frame-ancestors 'self' https://platform.example.edu " + authorization));
    }

    @Test
    void everyResponseCarriesAReferrerPolicy() {
        LaunchClient.LoginRedirect login = browser.login(PLATFORM);
        HttpResponse<String> landing = browser.launch(
                PLATFORM.sign(PLATFORM.launchClaims(login.nonce(), browser.launchUrl())
                        .build()),
                login.state());
        HttpResponse<String> refused = new LaunchClient(browser.toolBaseUrl()).get("/landing");

        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(List.of(
                        browser.get("/lti/login?iss=nobody").headers(),
                        landing.headers(),
                        refused.headers(),
                        browser.get("/.well-known/jwks.json").headers()))
                .allSatisfy(headers ->
                        assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin"));
    }
}
