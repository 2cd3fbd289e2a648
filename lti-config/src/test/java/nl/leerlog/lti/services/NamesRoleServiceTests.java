package nl.leerlog.lti.services;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.leerlog.lti.http.AddressPolicy;
import nl.leerlog.lti.http.PlatformHttp;
import nl.leerlog.lti.http.PlatformHttpSettings;
import nl.leerlog.lti.http.PublicAddressGuard;
import nl.leerlog.lti.keys.GeneratedToolKeys;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.lti.testing.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a roster from a WireMock platform's Names and Role Provisioning Service 2.0. */
class NamesRoleServiceTests {

    private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

    private final TestPlatform platform = TestPlatform.start();
    private final PlatformRegistration registration = platform.registration();
    private final MovableClock clock = MovableClock.standingAt(Instant.parse("2026-03-02T09:00:00Z"));
    private final ServiceCallSettings settings =
            ServiceCallSettings.defaults().withFirstRetryDelay(Duration.ofMillis(5));
    private final PlatformHttp http = TestPlatform.localHttp();
    private final ServiceCalls calls = new ServiceCalls(http, settings);
    private final ServiceTokens tokens = new ServiceTokens(new GeneratedToolKeys(), calls, clock, settings);
    private final NamesRoleService service = new NamesRoleService(tokens, calls, settings);
    private final URI membershipsUrl = URI.create(platform.server().baseUrl() + "/api/lti/courses/7/names_and_roles");

    @AfterEach
    void stopPlatform() throws IOException {
        platform.close();
        http.close();
    }

    @Test
    void followsNextLinksOverThreePages() {
        grantToken("token-1");
        String base = "/api/lti/courses/7/names_and_roles";
        platform.server()
                .stubFor(get(urlEqualTo(base))
                        .willReturn(page(students(0, 50))
                                .withHeader(
                                        "Link",
                                        "<" + platform.server().baseUrl() + base
                                                + "?page=2&per_page=50>; rel=\"next\", " + "<"
                                                + platform.server().baseUrl() + base
                                                + "?page=1&per_page=50>; rel=\"first\"")));
        platform.server()
                .stubFor(get(urlEqualTo(base + "?page=2&per_page=50"))
                        .willReturn(page(students(50, 100))
                                .withHeader("Link", "<" + base + "?page=1&per_page=50>; rel=\"prev\"")
                                .withHeader("Link", "<" + base + "?page=3&per_page=50>; rel=\"next\"")));
        platform.server()
                .stubFor(get(urlEqualTo(base + "?page=3&per_page=50"))
                        .willReturn(page(students(100, 107))
                                .withHeader("Link", "<" + base + "?page=2&per_page=50>; rel=\"prev\"")));

        Membership membership = service.members(registration, membershipsUrl);

        assertThat(membership.members()).hasSize(107);
        assertThat(membership.members())
                .extracting(Membership.Member::userId)
                .containsExactlyElementsOf(
                        IntStream.range(0, 107).mapToObj(i -> "user-" + i).toList());
        assertThat(membership.context().id()).isEqualTo("context-7");
        platform.server()
                .verify(
                        3,
                        getRequestedFor(urlPathEqualTo(base))
                                .withHeader("Accept", equalTo(NamesRoleService.MEMBERSHIP_CONTAINER))
                                .withHeader("Authorization", equalTo("Bearer token-1")));
        platform.server().verify(1, postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void emptyCourseHasNoMembers() {
        grantToken("token-1");
        platform.server().stubFor(get(urlPathEqualTo(membershipsUrl.getPath())).willReturn(page("")));

        Membership membership = service.members(registration, membershipsUrl);

        assertThat(membership.members()).isEmpty();
        assertThat(membership.context().title()).isEqualTo("Stage 2026");
    }

    @Test
    void unauthorizedAnswerGetsANewTokenAndOneRetry() {
        platform.server()
                .stubFor(post(urlEqualTo("/token"))
                        .inScenario("tokens")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("revoked")
                        .willReturn(okJson(ServiceTokensTests.tokenJson("revoked-token", 3600))));
        platform.server()
                .stubFor(post(urlEqualTo("/token"))
                        .inScenario("tokens")
                        .whenScenarioStateIs("revoked")
                        .willReturn(okJson(ServiceTokensTests.tokenJson("fresh-token", 3600))));
        platform.server()
                .stubFor(get(urlPathEqualTo(membershipsUrl.getPath()))
                        .withHeader("Authorization", equalTo("Bearer revoked-token"))
                        .willReturn(aResponse().withStatus(401)));
        platform.server()
                .stubFor(get(urlPathEqualTo(membershipsUrl.getPath()))
                        .withHeader("Authorization", equalTo("Bearer fresh-token"))
                        .willReturn(page(students(0, 2))));

        Membership membership = service.members(registration, membershipsUrl);

        assertThat(membership.members()).extracting(Membership.Member::userId).containsExactly("user-0", "user-1");
        platform.server().verify(2, postRequestedFor(urlEqualTo("/token")));
        platform.server().verify(2, getRequestedFor(urlPathEqualTo(membershipsUrl.getPath())));
    }

    @Test
    void secondUnauthorizedAnswerIsAnErrorNamingTheRegistration() {
        grantToken("token-1");
        platform.server()
                .stubFor(get(urlPathEqualTo(membershipsUrl.getPath()))
                        .willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> service.members(registration, membershipsUrl))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains(registration.id().toString());
                });
        platform.server().verify(2, getRequestedFor(urlPathEqualTo(membershipsUrl.getPath())));
    }

    @Test
    void serverErrorIsRetriedThenSucceeds() {
        grantToken("token-1");
        platform.server()
                .stubFor(get(urlPathEqualTo(membershipsUrl.getPath()))
                        .inScenario("flaky")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("recovered")
                        .willReturn(aResponse().withStatus(500)));
        platform.server()
                .stubFor(get(urlPathEqualTo(membershipsUrl.getPath()))
                        .inScenario("flaky")
                        .whenScenarioStateIs("recovered")
                        .willReturn(page(students(0, 3))));

        assertThat(service.members(registration, membershipsUrl).members()).hasSize(3);
        platform.server().verify(2, getRequestedFor(urlPathEqualTo(membershipsUrl.getPath())));
    }

    @Test
    void readsStatusRolesAndOnlyThePersonalDataGiven() {
        grantToken("token-1");
        platform.server().stubFor(get(urlPathEqualTo(membershipsUrl.getPath())).willReturn(page("""
                {"user_id":"teacher-1","roles":["%s"],"name":"Ahmed Yilmaz","email":"ahmed@school.example"},
                {"user_id":"anonymous-1","roles":["Learner"]},
                {"user_id":"named-1","roles":["%s"],"given_name":"Sanne","family_name":"de Vries"},
                {"user_id":"gone-1","roles":["%s"],"status":"Inactive"},
                {"roles":["%s"],"name":"No Id"},
                {"user_id":"no-roles"}
                """.formatted(
                        INSTRUCTOR, LEARNER, LEARNER, LEARNER))));

        List<Membership.Member> members =
                service.members(registration, membershipsUrl).members();

        assertThat(members)
                .extracting(Membership.Member::userId)
                .containsExactly("teacher-1", "anonymous-1", "named-1", "gone-1");
        assertThat(members.get(0).roles()).containsExactly(INSTRUCTOR);
        assertThat(members.get(0).email()).isEqualTo("ahmed@school.example");
        assertThat(members.get(0).status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(members.get(1).displayName()).isNull();
        assertThat(members.get(1).email()).isNull();
        assertThat(members.get(2).displayName()).isEqualTo("Sanne de Vries");
        assertThat(members.get(3).status()).isEqualTo(MemberStatus.INACTIVE);
    }

    @Test
    void nextPageOnAnotherSiteIsRefused() {
        grantToken("token-1");
        platform.server()
                .stubFor(get(urlPathEqualTo(membershipsUrl.getPath()))
                        .willReturn(page(students(0, 1))
                                .withHeader("Link", "<https://elsewhere.example/steal?page=2>; rel=\"next\"")));

        assertThatThrownBy(() -> service.members(registration, membershipsUrl))
                .isInstanceOf(ServiceCallException.class)
                .hasMessageContaining("another site")
                .hasMessageContaining(registration.id().toString());
    }

    @Test
    void answerThatIsNoMembershipContainerIsAClearError() {
        grantToken("token-1");
        platform.server()
                .stubFor(get(urlPathEqualTo(membershipsUrl.getPath()))
                        .willReturn(aResponse().withStatus(200).withBody("<html>login</html>")));

        assertThatThrownBy(() -> service.members(registration, membershipsUrl))
                .isInstanceOf(ServiceCallException.class)
                .hasMessageContaining(registration.id().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void rosterOnAPrivateAddressIsRefusedBeforeAnyRequest(String scheme) throws IOException {
        grantToken("token-1");
        platform.server().stubFor(get(urlPathEqualTo(membershipsUrl.getPath())).willReturn(page(students(0, 3))));
        PlatformRegistration registration = platform.registrationOver(scheme);
        URI membershipsUrl = URI.create(this.membershipsUrl.toString().replaceFirst("^http:", scheme + ":"));
        try (PlatformHttp production =
                new PlatformHttp(new PublicAddressGuard(false), PlatformHttpSettings.defaults())) {
            ServiceCalls guarded = new ServiceCalls(production, settings);
            NamesRoleService service = new NamesRoleService(
                    new ServiceTokens(new GeneratedToolKeys(), guarded, clock, settings), guarded, settings);

            assertThatThrownBy(() -> service.members(registration, membershipsUrl))
                    .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                        assertThat(e.status()).isZero();
                        assertThat(e.getMessage()).contains(registration.id().toString(), "may not call");
                    });
        }
        assertThat(platform.server().getAllServeEvents())
                .as("WireMock received nothing")
                .isEmpty();
    }

    @Test
    void membershipsUrlIsCheckedByTheAddressPolicyToo() throws IOException {
        // A policy that lets the token through (the WireMock platform) but not the memberships URL's host.
        AddressPolicy everythingButTenSlashEight = new AddressPolicy() {
            @Override
            public boolean allowsScheme(String scheme) {
                return scheme.equals("http") || scheme.equals("https");
            }

            @Override
            public boolean allowsAddress(InetAddress address) {
                return (address.getAddress()[0] & 0xff) != 10;
            }
        };
        grantToken("token-1");
        try (PlatformHttp http = new PlatformHttp(everythingButTenSlashEight, PlatformHttpSettings.defaults())) {
            ServiceCalls guarded = new ServiceCalls(http, settings);
            NamesRoleService service = new NamesRoleService(
                    new ServiceTokens(new GeneratedToolKeys(), guarded, clock, settings), guarded, settings);

            assertThatThrownBy(() -> service.members(registration, URI.create("http://10.1.2.3/names_and_roles")))
                    .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                        assertThat(e.status()).isZero();
                        assertThat(e.getMessage()).contains("membership request", "10.1.2.3");
                    });
        }
        platform.server().verify(1, postRequestedFor(urlEqualTo("/token")));
    }

    private void grantToken(String value) {
        platform.server()
                .stubFor(post(urlEqualTo("/token")).willReturn(okJson(ServiceTokensTests.tokenJson(value, 3600))));
    }

    private static String students(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> "{\"user_id\":\"user-" + i + "\",\"roles\":[\"" + LEARNER + "\"],\"status\":\"Active\"}")
                .collect(Collectors.joining(","));
    }

    private static ResponseDefinitionBuilder page(String members) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", NamesRoleService.MEMBERSHIP_CONTAINER)
                .withBody("{\"id\":\"https://lms.example/memberships\","
                        + "\"context\":{\"id\":\"context-7\",\"label\":\"STAGE\",\"title\":\"Stage 2026\"},"
                        + "\"members\":[" + members + "]}");
    }
}
