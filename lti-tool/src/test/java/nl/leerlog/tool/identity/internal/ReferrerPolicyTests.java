package nl.leerlog.tool.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leerlog.lti.claims.LtiClaims;
import nl.leerlog.lti.login.LoginInitiationFilter;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.LaunchedCourseTests;
import org.junit.jupiter.api.Test;

/**
 * Every response of the tool says how much of its URL a browser may pass on: the URLs carry ids (course,
 * student, record), never tokens, so other sites get the tool's origin at most. The admin console, which links
 * nowhere else, gives them nothing.
 */
class ReferrerPolicyTests extends LaunchedCourseTests {

    private static final String LTI_POLICY = "strict-origin-when-cross-origin";

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    @Test
    void bridgePagesOfLoginAndLaunchCarryIt() {
        LaunchClient browser = new LaunchClient(baseUrl());
        Map<String, String> login = new LinkedHashMap<>(Map.of(
                "iss",
                PLATFORM.issuer(),
                "login_hint",
                "hint-1",
                "target_link_uri",
                browser.launchUrl(),
                "client_id",
                PLATFORM.clientId(),
                "lti_deployment_id",
                PLATFORM.deploymentId(),
                "lti_storage_target",
                "_parent"));

        HttpResponse<String> storeBridge =
                browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/lti/login?" + LaunchClient.form(login)))
                        .GET());
        assertThat(LaunchPages.bridgeData(storeBridge.body())).containsEntry("mode", "store");
        Map<String, String> next =
                LaunchPages.query(LaunchPages.bridgeData(storeBridge.body()).get("next"));
        browser.cookies().remove(LoginInitiationFilter.BINDING_COOKIE_PREFIX + next.get("state"));
        HttpResponse<String> fetchBridge = browser.launch(
                PLATFORM.sign(PLATFORM.launchClaims(next.get("nonce"), browser.launchUrl())
                        .build()),
                next.get("state"));

        assertThat(LaunchPages.bridgeData(fetchBridge.body())).containsEntry("mode", "fetch");
        assertReferrerPolicy(storeBridge, LTI_POLICY);
        assertReferrerPolicy(fetchBridge, LTI_POLICY);
    }

    @Test
    void launchedPagesCarryIt() {
        LaunchClient teacher = new LaunchClient(baseUrl());
        HttpResponse<String> landing =
                teacher.fullLaunch(PLATFORM, claims -> claims.claim(LtiClaims.ROLES, List.of(TestPlatform.INSTRUCTOR)));

        assertThat(landing.statusCode()).isEqualTo(200);
        assertReferrerPolicy(landing, LTI_POLICY);
        assertReferrerPolicy(teacher.get("/teacher/programme"), LTI_POLICY);
        assertReferrerPolicy(teacher.get("/api/me"), LTI_POLICY);
        assertReferrerPolicy(teacher.get("/css/leerlog.css"), LTI_POLICY);
    }

    @Test
    void errorPagesCarryIt() {
        LaunchClient student = new LaunchClient(baseUrl());
        student.fullLaunch(PLATFORM, claims -> {});
        LaunchClient stranger = new LaunchClient(baseUrl());

        HttpResponse<String> forbidden = student.get("/teacher/programme");
        HttpResponse<String> notFound = student.get("/no-such-page");
        HttpResponse<String> noSession = stranger.get("/student/log");
        HttpResponse<String> refusedLaunch = stranger.post("/lti/launch", Map.of("id_token", "not a token"));

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(noSession.statusCode()).isEqualTo(401);
        assertThat(refusedLaunch.statusCode()).isBetween(400, 499);
        for (HttpResponse<String> page : List.of(forbidden, notFound, noSession, refusedLaunch)) {
            assertReferrerPolicy(page, LTI_POLICY);
        }
    }

    @Test
    void adminConsoleGivesOtherSitesNothing() {
        LaunchClient admin = new LaunchClient(baseUrl());

        assertReferrerPolicy(admin.get("/admin/login"), "same-origin");
        assertReferrerPolicy(admin.get("/admin/registrations"), "same-origin");
    }

    private static void assertReferrerPolicy(HttpResponse<String> response, String policy) {
        assertThat(response.headers().allValues("Referrer-Policy"))
                .as("%s %s", response.request().uri(), response.statusCode())
                .containsExactly(policy);
    }
}
