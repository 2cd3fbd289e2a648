package nl.leerlog.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.leerlog.lti.login.LoginStateStore;
import nl.leerlog.lti.session.LtiSessions;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.LaunchClient.LoginRedirect;
import nl.leerlog.lti.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of Leerlog behind one load balancer, on one PostgreSQL database: a browser's requests may
 * reach either. Login state, nonce and sessions live in the database, so a login started on one instance
 * finishes on the other, a launch is used once across both (Sec §5.1.1, §7.3.1), and a session started on
 * one is valid on the other.
 */
class TwoInstancesTests {

    /** The public origin both instances answer to, as behind a load balancer. */
    private static final String TOOL_URL = ProdInstances.TOOL_URL;

    private static final String LAUNCH_URL = TOOL_URL + "/lti/launch";
    private static final String SCHEMA = TestDatabases.uniqueName();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestPlatform platform;
    private static ProdInstances instances;
    private static ConfigurableApplicationContext instanceA;
    private static ConfigurableApplicationContext instanceB;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        platform = TestPlatform.start();
        instances = new ProdInstances(SCHEMA, platform);
        instanceA = startInstance();
        instanceB = startInstance();
    }

    @AfterAll
    static void stopInstancesAndDropSchema() {
        try {
            if (instanceA != null) {
                instanceA.close();
            }
            if (instanceB != null) {
                instanceB.close();
            }
            if (platform != null) {
                platform.close();
            }
        } finally {
            TestDatabases.dropSchema(SCHEMA);
        }
    }

    @Test
    void loginStartedOnOneInstanceIsFinishedOnTheOther() {
        LaunchClient browserAtA = new LaunchClient(baseUrl(instanceA));
        LoginRedirect login = browserAtA.login(platform, Map.of("target_link_uri", LAUNCH_URL));
        assertThat(login.status()).isEqualTo(302);
        assertThat(instanceB.getBean(LoginStateStore.class).find(login.state())).isPresent();

        LaunchClient browserAtB = sameBrowserAt(instanceB, browserAtA);
        HttpResponse<String> launch = browserAtB.launch(idToken(login), login.state());

        assertThat(launch.statusCode()).as(launch.body()).isEqualTo(200);
        assertThat(browserAtB.cookies()).containsKey(LtiSessions.COOKIE);
        Me me = me(browserAtB);
        assertThat(me.role()).isEqualTo("STUDENT");
        assertThat(me.name()).isEqualTo("Sanne de Vries");
        assertThat(me.courseTitle()).isEqualTo("Stage 2026");
        assertThat(instanceA.getBean(LoginStateStore.class).find(login.state())).isEmpty();
    }

    @Test
    void launchReplayedToTheOtherInstanceIsRefusedWithoutASession() {
        LaunchClient browserAtA = new LaunchClient(baseUrl(instanceA));
        LoginRedirect login = browserAtA.login(platform, Map.of("target_link_uri", LAUNCH_URL));
        String idToken = idToken(login);
        assertThat(sameBrowserAt(instanceB, browserAtA)
                        .launch(idToken, login.state())
                        .statusCode())
                .isEqualTo(200);

        // The same form POST again, now to instance A, which has the state's binding cookie too.
        HttpResponse<String> replay = browserAtA.launch(idToken, login.state());

        assertRefused(replay, "STATE_UNKNOWN");
        assertThat(browserAtA.cookies()).doesNotContainKey(LtiSessions.COOKIE);
        assertThat(browserAtA.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void usedIdTokenWithTheStateOfAFreshLoginOnTheOtherInstanceIsRefused() {
        LaunchClient victimAtA = new LaunchClient(baseUrl(instanceA));
        LoginRedirect login = victimAtA.login(platform, Map.of("target_link_uri", LAUNCH_URL));
        String idToken = idToken(login);
        assertThat(sameBrowserAt(instanceB, victimAtA)
                        .launch(idToken, login.state())
                        .statusCode())
                .isEqualTo(200);

        // Someone who captured the id_token starts a login of their own and posts the old token with it.
        LaunchClient attackerAtA = new LaunchClient(baseUrl(instanceA));
        LoginRedirect attackerLogin = attackerAtA.login(platform, Map.of("target_link_uri", LAUNCH_URL));
        HttpResponse<String> replay = attackerAtA.launch(idToken, attackerLogin.state());

        assertRefused(replay, "NONCE_MISMATCH");
        assertThat(attackerAtA.cookies()).doesNotContainKey(LtiSessions.COOKIE);
        assertThat(attackerAtA.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void oneLaunchPostedToBothInstancesAtOnceStartsOneSession() throws Exception {
        LaunchClient browserAtA = new LaunchClient(baseUrl(instanceA));
        LoginRedirect login = browserAtA.login(platform, Map.of("target_link_uri", LAUNCH_URL));
        String idToken = idToken(login);
        List<LaunchClient> browsers = List.of(browserAtA, sameBrowserAt(instanceB, browserAtA));

        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(browsers.size())) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> launches = new ArrayList<>();
            for (LaunchClient browser : browsers) {
                launches.add(pool.submit(() -> {
                    start.await();
                    return browser.launch(idToken, login.state());
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> launch : launches) {
                responses.add(launch.get(30, TimeUnit.SECONDS));
            }
        }

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 400);
        assertRefused(
                responses.stream()
                        .filter(r -> r.statusCode() == 400)
                        .findFirst()
                        .orElseThrow(),
                "STATE_UNKNOWN");
        assertThat(browsers)
                .filteredOn(browser -> browser.cookies().containsKey(LtiSessions.COOKIE))
                .hasSize(1);
    }

    @Test
    void sessionStartedOnOneInstanceIsValidOnTheOther() {
        LaunchClient browserAtA = new LaunchClient(baseUrl(instanceA));
        LoginRedirect login = browserAtA.login(platform, Map.of("target_link_uri", LAUNCH_URL));
        LaunchClient browserAtB = sameBrowserAt(instanceB, browserAtA);
        assertThat(browserAtB.launch(idToken(login), login.state()).statusCode())
                .isEqualTo(200);
        Me onB = me(browserAtB);

        Me onA = me(sameBrowserAt(instanceA, browserAtB));

        assertThat(onA).isEqualTo(onB);
    }

    /** What {@code /api/me} answers. */
    record Me(
            long userId,
            String name,
            String role,
            long courseId,
            String courseTitle,
            String locale,
            boolean testUser) {}

    private static ConfigurableApplicationContext startInstance() {
        return instances.start();
    }

    private static String baseUrl(ConfigurableApplicationContext instance) {
        return ProdInstances.baseUrl(instance);
    }

    /** The same browser (its cookies) with its next request routed to another instance. */
    private static LaunchClient sameBrowserAt(ConfigurableApplicationContext instance, LaunchClient browser) {
        LaunchClient moved = new LaunchClient(baseUrl(instance));
        moved.cookies().putAll(browser.cookies());
        return moved;
    }

    /** The platform's answer to the login: a student's launch signed for this login's nonce. */
    private static String idToken(LoginRedirect login) {
        return platform.sign(platform.launchClaims(login.nonce(), LAUNCH_URL).build());
    }

    private static Me me(LaunchClient browser) {
        HttpResponse<String> response = browser.get("/api/me");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), Me.class);
    }

    private static void assertRefused(HttpResponse<String> response, String errorCode) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("data-error-code=\"" + errorCode + "\"");
        assertThat(response.headers().allValues("Set-Cookie"))
                .noneMatch(cookie ->
                        cookie.startsWith(LtiSessions.COOKIE + "=") && !cookie.startsWith(LtiSessions.COOKIE + "=;"));
    }
}
