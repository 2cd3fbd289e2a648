package nl.leerlog.tool.admin.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.leerlog.tool.system.PageRenderer;
import nl.leerlog.tool.system.SecurityConfiguration;
import nl.leerlog.tool.system.SupportedLocales;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The admin console's own security, apart from LTI: form login with the bootstrap admin from configuration,
 * OIDC single sign-on when a client registration is configured, an HTTP session for admins only, CSRF tokens
 * in that session, and never shown in a frame. Ordered before the LTI chain, it alone answers {@code /admin/**},
 * so an LTI session (cookie or page-bound header) is never even looked at here.
 */
@Configuration
class AdminSecurityConfiguration {

    static final String LOGIN_PAGE = "/admin/login";
    /** Where single sign-on starts and where the identity provider sends the admin back: both under /admin. */
    static final String SSO_AUTHORIZATION_BASE = "/admin/oauth2/authorization";

    static final String SSO_REDIRECT_PATH = "/admin/login/oauth2/code/";

    /** As the LTI pages' policy, but no page may frame the console (clickjacking). */
    static final String CONTENT_SECURITY_POLICY =
            SecurityConfiguration.CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain adminSecurity(
            HttpSecurity http,
            AdminSettings settings,
            PageRenderer pages,
            ObjectProvider<ClientRegistrationRepository> ssoClients,
            FailedLogins failedLogins,
            Clock clock) {
        http.securityMatcher("/admin/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(LOGIN_PAGE)
                        .permitAll()
                        .anyRequest()
                        .hasRole(AdminSsoUsers.ADMIN_ROLE))
                .authenticationManager(new AdminLoginThrottle(failedLogins, clock).guard(passwordLogin(settings)))
                .formLogin(form -> form.loginPage(LOGIN_PAGE)
                        .defaultSuccessUrl("/admin/registrations")
                        .failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
                                + LOGIN_PAGE
                                + (failure instanceof LockedException ? "?locked" : "?error"))))
                .logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl(LOGIN_PAGE + "?logged-out"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(
                        exceptions -> exceptions.accessDeniedHandler((request, response, denied) -> pages.render(
                                request,
                                response,
                                403,
                                "admin/error",
                                Map.of(
                                        "titleKey",
                                        "admin.error.forbidden.title",
                                        "textKey",
                                        "admin.error.forbidden.text"),
                                SupportedLocales.fromRequest(request))));
        ClientRegistrationRepository clients = ssoClients.getIfAvailable();
        if (clients != null) {
            requireRedirectUnderAdmin(clients);
            AdminSsoUsers admins = new AdminSsoUsers(new OidcUserService(), settings.sso());
            http.oauth2Login(sso -> sso.loginPage(LOGIN_PAGE)
                    .authorizationEndpoint(authorization -> authorization.baseUri(SSO_AUTHORIZATION_BASE))
                    .redirectionEndpoint(redirect -> redirect.baseUri(SSO_REDIRECT_PATH + "*"))
                    .userInfoEndpoint(users -> users.oidcUserService(admins)
                            // OpenID Connect only: a plain OAuth 2.0 login proves no e-mail address.
                            .userService(request -> {
                                throw new OAuth2AuthenticationException(
                                        new OAuth2Error("access_denied"), "single sign-on needs the openid scope");
                            }))
                    .defaultSuccessUrl("/admin/registrations")
                    .failureUrl(LOGIN_PAGE + "?sso-refused"));
        }
        return http.build();
    }

    /** Only the bootstrap admin logs in by password; without one configured, every password login fails. */
    private static AuthenticationManager passwordLogin(AdminSettings settings) {
        List<UserDetails> admins = new ArrayList<>();
        if (settings.hasBootstrapAdmin()) {
            // A hash without its {id} would fail every login as a "wrong password": say so at start-up instead.
            if (!settings.passwordHash().strip().matches("\\{[a-z0-9]+}.+")) {
                throw new IllegalStateException("leerlog.admin.password-hash must be an encoded password with its "
                        + "encoder id, e.g. {bcrypt}$2a$10$...; never the password itself");
            }
            admins.add(User.withUsername(settings.username().strip())
                    .password(settings.passwordHash().strip())
                    .roles(AdminSsoUsers.ADMIN_ROLE)
                    .build());
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(admins));
        provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return new ProviderManager(provider);
    }

    /**
     * The identity provider must send the admin back under /admin, where this chain (and its session) is: the
     * client registration needs {@code redirect-uri={baseUrl}/admin/login/oauth2/code/{registrationId}}.
     */
    private static void requireRedirectUnderAdmin(ClientRegistrationRepository clients) {
        if (clients instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                String redirect = ((ClientRegistration) registration).getRedirectUri();
                if (!redirect.contains(SSO_REDIRECT_PATH)) {
                    throw new IllegalStateException("Admin single sign-on: set spring.security.oauth2.client."
                            + "registration." + ((ClientRegistration) registration).getRegistrationId()
                            + ".redirect-uri={baseUrl}" + SSO_REDIRECT_PATH + "{registrationId} (now " + redirect
                            + ")");
                }
            }
        }
    }
}
