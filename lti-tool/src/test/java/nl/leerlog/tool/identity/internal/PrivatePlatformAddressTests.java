package nl.leerlog.tool.identity.internal;

import static nl.leerlog.schema.Tables.COURSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import nl.leerlog.lti.failure.LtiError;
import nl.leerlog.lti.services.ServiceCallException;
import nl.leerlog.lti.session.LtiSessions;
import nl.leerlog.lti.testing.LaunchClient;
import nl.leerlog.lti.testing.LaunchClient.LoginRedirect;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.TestDatabases;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A registration whose key set, token and roster URLs point at 127.0.0.1, with private hosts not allowed, as
 * outside development: the launch is refused with its own error and the roster read with a service error, and
 * the WireMock platform on that address receives nothing at all. (With private hosts allowed, as in the dev
 * profile, the same platform serves every launch of LaunchFlowTests and every roster of RosterSyncTests.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivatePlatformAddressTests {

    static final TestPlatform PLATFORM = TestPlatform.start();

    @DynamicPropertySource
    static void platformOnAPrivateAddress(DynamicPropertyRegistry registry) {
        PLATFORM.properties(0).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("lti.platform-http.allow-private-hosts", () -> "false");
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopPlatform() {
        PLATFORM.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    @Autowired
    RosterSync rosterSync;

    @AfterEach
    void thePlatformReceivedNothing() {
        assertThat(PLATFORM.server().getAllServeEvents())
                .as("requests that reached WireMock")
                .isEmpty();
    }

    @Test
    void launchIsRefusedBeforeThePlatformsKeysAreFetched() {
        LaunchClient browser = new LaunchClient("http://localhost:" + port);
        LoginRedirect login = browser.login(PLATFORM);
        assertThat(login.status()).as(login.body()).isEqualTo(302);

        HttpResponse<String> page = browser.launch(
                PLATFORM.sign(PLATFORM.launchClaims(login.nonce(), browser.launchUrl())
                        .build()),
                login.state());

        assertThat(page.statusCode()).isEqualTo(LtiError.PLATFORM_KEYS_REFUSED.status());
        assertThat(LaunchPages.errorCode(page.body())).hasValue(LtiError.PLATFORM_KEYS_REFUSED.name());
        assertThat(LaunchPages.errorReason(page.body()))
                .hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
        assertThat(page.body()).doesNotContain("Exception", "127.0.0.1");
        assertThat(browser.cookies()).doesNotContainKey(LtiSessions.COOKIE);
    }

    @Test
    void rosterIsRefusedBeforeTheTokenIsRequested() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long courseId = db.insertInto(COURSE)
                .set(COURSE.ISSUER, PLATFORM.issuer())
                .set(COURSE.CLIENT_ID, PLATFORM.clientId())
                .set(COURSE.DEPLOYMENT_ID, PLATFORM.deploymentId())
                .set(COURSE.CONTEXT_ID, "course-" + UUID.randomUUID())
                .set(COURSE.MEMBERSHIPS_URL, PLATFORM.server().baseUrl() + "/api/lti/courses/7/names_and_roles")
                .set(COURSE.CREATED_AT, now)
                .set(COURSE.UPDATED_AT, now)
                .returningResult(COURSE.ID)
                .fetchSingle(COURSE.ID);

        assertThatThrownBy(() -> rosterSync.sync(courseId)).isInstanceOfSatisfying(ServiceCallException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).contains(PLATFORM.registration().id().toString(), "may not call");
        });
    }
}
