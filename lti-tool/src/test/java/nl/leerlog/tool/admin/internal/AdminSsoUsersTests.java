package nl.leerlog.tool.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Who single sign-on makes an admin: only verified e-mail addresses on the allowed list. */
class AdminSsoUsersTests {

    private static final AdminSettings.Sso ALLOWED =
            new AdminSettings.Sso(List.of("Beheer@School.example", "ops@school.example"));

    @Test
    void allowedEmailBecomesAnAdminKnownByThatEmail() {
        OidcUser admin = new AdminSsoUsers(provider(claims("ops@school.example", true)), ALLOWED).loadUser(request());

        assertThat(admin.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN");
        assertThat(admin.getName()).isEqualTo("ops@school.example");
    }

    @Test
    void allowedEmailMatchesWhateverItsCase() {
        OidcUser admin =
                new AdminSsoUsers(provider(claims("beheer@school.EXAMPLE", true)), ALLOWED).loadUser(request());

        assertThat(admin.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN");
    }

    @Test
    void emailNotOnTheListIsRefused() {
        AdminSsoUsers admins = new AdminSsoUsers(provider(claims("student@school.example", true)), ALLOWED);

        assertThatThrownBy(() -> admins.loadUser(request())).isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void unverifiedEmailIsRefusedEvenWhenListed() {
        AdminSsoUsers admins = new AdminSsoUsers(provider(claims("ops@school.example", false)), ALLOWED);

        assertThatThrownBy(() -> admins.loadUser(request())).isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void userWithoutEmailIsRefused() {
        AdminSsoUsers admins = new AdminSsoUsers(provider(claims(null, true)), ALLOWED);

        assertThatThrownBy(() -> admins.loadUser(request())).isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void nobodyIsAnAdminWithAnEmptyList() {
        AdminSsoUsers admins =
                new AdminSsoUsers(provider(claims("ops@school.example", true)), new AdminSettings.Sso(List.of()));

        assertThatThrownBy(() -> admins.loadUser(request())).isInstanceOf(OAuth2AuthenticationException.class);
    }

    /** What the identity provider says about the user: a user with the given claims, no authorities of ours. */
    private static org.springframework.security.oauth2.client.userinfo.OAuth2UserService<OidcUserRequest, OidcUser>
            provider(Map<String, Object> claims) {
        return request -> new DefaultOidcUser(List.of(new SimpleGrantedAuthority("OIDC_USER")), idToken(claims));
    }

    private static Map<String, Object> claims(String email, boolean verified) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "user-1");
        claims.put("iss", "https://idp.school.example");
        if (email != null) {
            claims.put("email", email);
        }
        claims.put("email_verified", verified);
        return claims;
    }

    private static OidcIdToken idToken(Map<String, Object> claims) {
        Instant now = Instant.now();
        return new OidcIdToken("id-token", now, now.plusSeconds(300), claims);
    }

    private static OidcUserRequest request() {
        ClientRegistration registration = ClientRegistration.withRegistrationId("school")
                .clientId("leerlog-admin")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/admin/login/oauth2/code/{registrationId}")
                .scope("openid", "email")
                .authorizationUri("https://idp.school.example/authorize")
                .tokenUri("https://idp.school.example/token")
                .jwkSetUri("https://idp.school.example/jwks")
                .build();
        Instant now = Instant.now();
        return new OidcUserRequest(
                registration,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now, now.plusSeconds(300)),
                idToken(claims("ops@school.example", true)));
    }
}
