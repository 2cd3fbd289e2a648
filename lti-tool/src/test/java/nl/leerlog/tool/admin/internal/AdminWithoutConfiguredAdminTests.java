package nl.leerlog.tool.admin.internal;

import static nl.leerlog.tool.admin.internal.ConsoleClient.location;
import static nl.leerlog.tool.admin.internal.ConsoleClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With no admin configured (no user, no single sign-on), nobody logs in, and the login page says why. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "leerlog.admin.username=",
            "leerlog.admin.password-hash=",
            "spring.datasource.url=jdbc:h2:mem:admin-without-admin-tests;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
        })
class AdminWithoutConfiguredAdminTests {

    @LocalServerPort
    int port;

    @Test
    void loginPageExplainsThatNoAdminIsConfigured() {
        ConsoleClient visitor = new ConsoleClient("http://localhost:" + port);

        HttpResponse<String> english = visitor.get("/admin/login", Map.of("Accept-Language", "en"));
        HttpResponse<String> dutch = visitor.get("/admin/login", Map.of("Accept-Language", "nl"));

        assertThat(text(english))
                .contains("id=\"no-admin\"", "No admin is configured for this Leerlog", "leerlog.admin.password-hash");
        assertThat(text(dutch)).contains("Voor deze Leerlog is geen beheerder ingesteld");
    }

    @Test
    void theDevelopmentPasswordNoLongerWorks() {
        ConsoleClient visitor = new ConsoleClient("http://localhost:" + port);

        HttpResponse<String> response = visitor.login(ConsoleClient.DEV_ADMIN, ConsoleClient.DEV_PASSWORD);

        assertThat(location(response)).endsWith("/admin/login?error");
        assertThat(location(visitor.get("/admin/registrations"))).endsWith("/admin/login");
        assertThat(text(visitor.get("/admin/login?error"))).contains("No admin is configured");
    }
}
