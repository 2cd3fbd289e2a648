package nl.leerlog.tool.registration.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import nl.leerlog.tool.registration.internal.RegistrationTestPlatform.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Dynamic Registration with the SSRF guard on, as in production: an {@code openid_configuration} on a
 * non-public address, or over plain http, is refused before any connection is made. The only server that
 * could be reached here is the WireMock LMS on 127.0.0.1, and it must see no request at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "lti.tool-url=https://leerlog.example.nl",
            "lti.platform-http.allow-private-hosts=false",
            "leerlog.registration.initial-status=PENDING",
            "spring.datasource.url=jdbc:h2:mem:registration-production-tests;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        })
class DynamicRegistrationGuardTests {

    static final RegistrationTestPlatform LMS = new RegistrationTestPlatform();
    static final HttpClient BROWSER = HttpClient.newHttpClient();

    @AfterAll
    static void stopLms() {
        LMS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Autowired
    RegistrationRepository repository;

    @AfterEach
    void theLmsSawNothing() {
        assertThat(LMS.server().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://169.254.169.254/latest/meta-data/",
                "https://10.0.0.1/openid-configuration",
                "https://[::1]/openid-configuration",
                "https://[::ffff:127.0.0.1]/openid-configuration",
                "https://192.168.1.10/.well-known/openid-configuration",
                "https://0.0.0.0/"
            })
    void configurationOnANonPublicAddressIsRefused(String url) {
        assertRefused(open(url), 403, RegistrationError.PRIVATE_ADDRESS);
    }

    @Test
    void hostNameThatResolvesToLoopbackIsRefusedBeforeConnecting() {
        // localhost resolves to the WireMock LMS's address; the guard must stop the request before it leaves.
        Site site = LMS.moodleSite();
        LMS.serveConfiguration(site, RegistrationTestPlatform.moodleConfiguration(site));
        String url = "https://localhost:" + LMS.server().port() + site.configurationPath();

        assertRefused(open(url), 403, RegistrationError.PRIVATE_ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/", "http://10.0.0.1/", "http://[::1]/"})
    void plainHttpIsRefusedOutsideDevelopment(String url) {
        assertRefused(open(url), 400, RegistrationError.CONFIGURATION_URL_INSECURE);
    }

    @Test
    void plainHttpToTheWireMockLmsIsRefusedToo() {
        Site site = LMS.moodleSite();
        LMS.serveConfiguration(site, RegistrationTestPlatform.moodleConfiguration(site));

        assertRefused(open(site.configurationUrl()), 400, RegistrationError.CONFIGURATION_URL_INSECURE);
        assertThat(repository.list()).noneMatch(r -> r.details().issuer().equals(site.issuer()));
    }

    private HttpResponse<String> open(String configurationUrl) {
        URI uri = URI.create("http://localhost:" + port + "/lti/registration?openid_configuration="
                + URLEncoder.encode(configurationUrl, StandardCharsets.UTF_8) + "&registration_token=token-1");
        try {
            return BROWSER.send(
                    HttpRequest.newBuilder(uri)
                            .header("Accept-Language", "en")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assertRefused(HttpResponse<String> page, int status, RegistrationError error) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(status);
        assertThat(page.body())
                .contains("data-error-code=\"" + error.code() + "\"")
                .contains(org.springframework.web.util.HtmlUtils.htmlEscape(
                        messages.getMessage(error.messageKey(), null, Locale.ENGLISH)));
    }
}
