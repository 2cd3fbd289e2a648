package nl.leerlog.tool.admin.internal;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Decides who a single sign-on makes an admin: only people whose e-mail address is on
 * {@code leerlog.admin.sso.allowed-emails}. Everyone else is refused at login, so no session exists for them.
 * An address the identity provider marks as not verified ({@code email_verified=false}, OIDC Core §5.1) is refused.
 */
class AdminSsoUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String ADMIN_ROLE = "ADMIN";

    private final OAuth2UserService<OidcUserRequest, OidcUser> identityProvider;
    private final AdminSettings.Sso settings;

    AdminSsoUsers(OAuth2UserService<OidcUserRequest, OidcUser> identityProvider, AdminSettings.Sso settings) {
        this.identityProvider = identityProvider;
        this.settings = settings;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = identityProvider.loadUser(request);
        if (Boolean.FALSE.equals(user.getEmailVerified()) || !settings.allows(user.getEmail())) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error("access_denied"), "not an admin of Leerlog: " + user.getEmail());
        }
        // The admin is known by e-mail address: that is what the audit shows.
        return new DefaultOidcUser(
                List.of(new SimpleGrantedAuthority("ROLE_" + ADMIN_ROLE)),
                user.getIdToken(),
                user.getUserInfo(),
                StandardClaimNames.EMAIL);
    }
}
