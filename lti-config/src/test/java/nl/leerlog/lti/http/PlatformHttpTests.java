package nl.leerlog.lti.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/**
 * The one client for platform calls, against a WireMock platform on 127.0.0.1: with the production policy
 * nothing reaches it, with private hosts allowed (development) it is called as usual, within the limits.
 */
class PlatformHttpTests {

    private final WireMockServer platform =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final PlatformHttp production =
            new PlatformHttp(new PublicAddressGuard(false), PlatformHttpSettings.defaults());
    private final PlatformHttp development = new PlatformHttp(
            new PublicAddressGuard(true),
            PlatformHttpSettings.defaults().withMaxResponseSize(DataSize.ofKilobytes(64)));

    {
        platform.start();
        platform.stubFor(get(anyUrl()).willReturn(okJson("{\"keys\":[]}")));
    }

    @AfterEach
    void stop() throws IOException {
        platform.stop();
        production.close();
        development.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1:%d/jwks",
                "https://localhost:%d/jwks",
                "https://[::1]:%d/jwks",
                "https://[::ffff:127.0.0.1]:%d/jwks",
                "http://127.0.0.1:%d/jwks",
                "http://localhost:%d/jwks"
            })
    void theWireMockPlatformIsNotCalledWithPrivateHostsRefused(String url) {
        // https to a plain-http WireMock could not succeed anyway; the point is that no connection is even tried.
        URI uri = URI.create(url.formatted(platform.port()));

        assertThatThrownBy(() -> production.send(PlatformRequest.get(uri))).isInstanceOf(RefusedAddressException.class);
        assertThat(platform.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://169.254.169.254/latest/meta-data/",
                "https://10.0.0.1/",
                "https://[fd00::1]:8443/x",
                "https://0.0.0.0/",
                "https://192.168.1.10/.well-known/openid-configuration",
                "file:///etc/passwd"
            })
    void otherNonPublicAddressesAreRefusedBeforeConnecting(String url) {
        assertThatThrownBy(() -> production.send(PlatformRequest.get(URI.create(url))))
                .isInstanceOf(RefusedAddressException.class);
    }

    @Test
    void plainHttpIsRefusedBeforeTheHostIsLookedUp() {
        assertThatThrownBy(() -> production.send(PlatformRequest.get(URI.create("http://platform.example.edu/jwks"))))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("uses http");
    }

    @Test
    void withPrivateHostsAllowedThePlatformIsCalledAsGiven() throws IOException {
        platform.stubFor(post(urlEqualTo("/token"))
                .willReturn(okJson("{\"access_token\":\"t\"}")
                        .withHeader("Link", "<a>; rel=\"next\"")
                        .withHeader("Link", "<b>; rel=\"last\"")));

        PlatformResponse response = development.send(PlatformRequest.post(
                        URI.create(platform.baseUrl() + "/token"),
                        "application/x-www-form-urlencoded",
                        "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8))
                .withHeader("Accept", "application/json"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("{\"access_token\":\"t\"}");
        assertThat(response.header("content-type")).hasValue("application/json");
        assertThat(response.headers("Link")).containsExactly("<a>; rel=\"next\"", "<b>; rel=\"last\"");
        platform.verify(postRequestedFor(urlEqualTo("/token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalTo("grant_type=client_credentials")));
    }

    @Test
    void redirectIsReturnedNotFollowed() throws IOException {
        platform.stubFor(get(urlEqualTo("/moved"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://169.254.169.254/latest/meta-data/")));

        PlatformResponse response = development.send(PlatformRequest.get(URI.create(platform.baseUrl() + "/moved")));

        assertThat(response.status()).isEqualTo(302);
        platform.verify(1, getRequestedFor(anyUrl()));
    }

    @Test
    void answerLargerThanTheLimitIsRefused() {
        platform.stubFor(get(urlEqualTo("/huge")).willReturn(okJson("[" + "0,".repeat(40_000) + "0]")));

        assertThatThrownBy(() -> development.send(PlatformRequest.get(URI.create(platform.baseUrl() + "/huge"))))
                .isInstanceOfSatisfying(
                        ResponseTooLargeException.class,
                        e -> assertThat(e.status()).isEqualTo(200));
    }

    @Test
    void answerLargerThanTheLimitWithoutContentLengthIsRefusedToo() {
        platform.stubFor(get(urlEqualTo("/chunked"))
                .willReturn(okJson("[" + "0,".repeat(40_000) + "0]").withChunkedDribbleDelay(4, 10)));

        assertThatThrownBy(() -> development.send(PlatformRequest.get(URI.create(platform.baseUrl() + "/chunked"))))
                .isInstanceOf(ResponseTooLargeException.class);
    }

    @Test
    void platformThatDoesNotAnswerInTimeIsAnIoError() {
        platform.stubFor(get(urlEqualTo("/slow")).willReturn(okJson("{}").withFixedDelay(3000)));

        assertThatThrownBy(() -> development.send(PlatformRequest.get(URI.create(platform.baseUrl() + "/slow"))
                        .withTimeout(Duration.ofMillis(200))))
                .isInstanceOf(SocketTimeoutException.class);
    }
}
