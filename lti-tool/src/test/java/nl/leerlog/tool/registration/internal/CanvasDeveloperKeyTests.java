package nl.leerlog.tool.registration.internal;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.tool.system.SupportedLocales;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.TestPropertySource;

/**
 * The Canvas developer key JSON at {@code /lti/canvas.json}: every field canvas.md names, with the URLs under the
 * configured {@code lti.tool-url} (production settings, shared with {@link DynamicRegistrationGuardTests}).
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
class CanvasDeveloperKeyTests {

    static final String TOOL = "https://leerlog.example.nl";
    static final HttpClient BROWSER = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Test
    void developerKeyHasEveryFieldCanvasReads() throws Exception {
        HttpResponse<String> response = get("/lti/canvas.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        Map<String, Object> key = RegistrationTestPlatform.JSON.readValue(response.body(), Map.class);

        assertThat(key)
                .containsEntry("title", "Leerlog")
                .containsEntry("description", text("registration.tool.description", Locale.ENGLISH))
                .containsEntry("oidc_initiation_url", TOOL + "/lti/login")
                .containsEntry("target_link_uri", TOOL + "/lti/launch")
                .containsEntry("public_jwk_url", TOOL + "/.well-known/jwks.json")
                .containsEntry(
                        "scopes", List.of("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"))
                .containsEntry("custom_fields", RegistrationTestPlatform.CANVAS_CUSTOM_FIELDS);
        Map<Object, Object> extension = assertThat(key)
                .extractingByKey("extensions", as(LIST))
                .singleElement(as(MAP))
                .actual();
        assertThat(extension)
                .containsEntry("platform", "canvas.instructure.com")
                .containsEntry("privacy_level", "public")
                .containsEntry("domain", "leerlog.example.nl");
        assertThat(extension)
                .extractingByKey("settings", as(MAP))
                .extractingByKey("placements", as(LIST))
                .singleElement(as(MAP))
                .containsEntry("placement", "course_navigation")
                .containsEntry("message_type", "LtiResourceLinkRequest")
                .containsEntry("text", text("registration.tool.placement-label", Locale.ENGLISH))
                .containsEntry(
                        "labels",
                        Map.of(
                                "en", text("registration.tool.placement-label", Locale.ENGLISH),
                                "nl", text("registration.tool.placement-label", SupportedLocales.DUTCH)))
                .containsEntry("default", "enabled")
                .containsEntry("visibility", "members")
                .containsEntry("custom_fields", RegistrationTestPlatform.CANVAS_CUSTOM_FIELDS)
                .containsEntry("icon_url", TOOL + "/images/leerlog-icon.svg")
                // No windowTarget: Leerlog opens inside the course's frame, not in a new tab.
                .doesNotContainKey("windowTarget");
    }

    @Test
    void dutchAndEnglishLabelsDiffer() {
        assertThat(text("registration.tool.placement-label", SupportedLocales.DUTCH))
                .isNotEqualTo(text("registration.tool.placement-label", Locale.ENGLISH));
    }

    @Test
    void downloadComesAsAnAttachment() throws Exception {
        HttpResponse<String> response = get("/lti/canvas.json?download");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"leerlog-canvas.json\"");
        assertThat(RegistrationTestPlatform.JSON.readValue(response.body(), Map.class))
                .containsKey("extensions");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return BROWSER.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
