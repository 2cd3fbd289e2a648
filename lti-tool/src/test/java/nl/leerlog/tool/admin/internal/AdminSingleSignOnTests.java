package nl.leerlog.tool.admin.internal;

import static nl.leerlog.tool.admin.internal.ConsoleClient.location;
import static nl.leerlog.tool.admin.internal.ConsoleClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With an OIDC client registration configured, the console offers single sign-on next to the password: the
 * login starts at the identity provider and comes back under /admin, where the admin chain and its session are.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.security.oauth2.client.registration.school.client-id=leerlog-admin",
            "spring.security.oauth2.client.registration.school.client-secret=not-a-real-secret",
            "spring.security.oauth2.client.registration.school.client-name=School account",
            "spring.security.oauth2.client.registration.school.scope=openid,email",
            "spring.security.oauth2.client.registration.school.authorization-grant-type=authorization_code",
            "spring.security.oauth2.client.registration.school.redirect-uri={baseUrl}/admin/login/oauth2/code/{registrationId}",
            "spring.security.oauth2.client.provider.school.authorization-uri=https://idp.school.example/authorize",
            "spring.security.oauth2.client.provider.school.token-uri=https://idp.school.example/token",
            "spring.security.oauth2.client.provider.school.jwk-set-uri=https://idp.school.example/jwks",
            "spring.security.oauth2.client.provider.school.user-name-attribute=sub",
            "leerlog.admin.sso.allowed-emails=ops@school.example",
            "spring.datasource.url=jdbc:h2:mem:admin-sso-tests;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
        })
class AdminSingleSignOnTests {

    @LocalServerPort
    int port;

    ConsoleClient visitor() {
        return new ConsoleClient("http://localhost:" + port);
    }

    @Test
    void loginPageOffersSingleSignOnNextToThePassword() {
        String page = text(visitor().get("/admin/login", Map.of("Accept-Language", "en")));

        assertThat(page)
                .contains(
                        "href=\"/admin/oauth2/authorization/school\"",
                        "Log in with School account",
                        "name=\"password\"")
                .doesNotContain("id=\"no-admin\"");
    }

    @Test
    void singleSignOnStartsAtTheIdentityProviderAndReturnsUnderAdmin() {
        HttpResponse<String> response = visitor().get("/admin/oauth2/authorization/school");

        assertThat(response.statusCode()).isEqualTo(302);
        URI redirect = URI.create(location(response));
        String query = URLDecoder.decode(redirect.getRawQuery(), StandardCharsets.UTF_8);
        assertThat(redirect.getHost()).isEqualTo("idp.school.example");
        assertThat(query)
                .contains(
                        "client_id=leerlog-admin",
                        "response_type=code",
                        "scope=openid email",
                        "redirect_uri=http://localhost:" + port + "/admin/login/oauth2/code/school",
                        "state=",
                        "nonce=");
    }

    @Test
    void returnWithoutAStartedLoginIsRefused() {
        ConsoleClient visitor = visitor();

        HttpResponse<String> response = visitor.get("/admin/login/oauth2/code/school?code=forged&state=forged");

        assertThat(location(response)).endsWith("/admin/login?sso-refused");
        assertThat(location(visitor.get("/admin/registrations"))).endsWith("/admin/login");
    }
}
