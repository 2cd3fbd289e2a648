package nl.leerlog.lti.config;

import java.time.Clock;
import nl.leerlog.lti.failure.LtiFailures;
import nl.leerlog.lti.keys.JwksEndpointFilter;
import nl.leerlog.lti.keys.ToolKeys;
import nl.leerlog.lti.launch.FrameAncestors;
import nl.leerlog.lti.launch.IdTokenValidator;
import nl.leerlog.lti.launch.LaunchFilter;
import nl.leerlog.lti.launch.LtiLaunchListener;
import nl.leerlog.lti.login.BridgePages;
import nl.leerlog.lti.login.LoginInitiationFilter;
import nl.leerlog.lti.login.LoginStateStore;
import nl.leerlog.lti.login.ToolUrls;
import nl.leerlog.lti.registration.PlatformRegistrations;
import nl.leerlog.lti.session.LtiSessionCsrfTokenRepository;
import nl.leerlog.lti.session.LtiSessionSecurityContextRepository;
import nl.leerlog.lti.session.LtiSessions;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Adds LTI 1.3 launches to a Spring Security filter chain:
 * <pre>
 * http.with(LtiConfigurer.lti(), lti -> lti.landingPath("/home"));
 * </pre>
 * It serves {@code /lti/login} (GET, POST), {@code /lti/launch} (POST) and {@code /.well-known/jwks.json},
 * keeps the launched session without an HTTP session (cookie or page-bound header), keeps CSRF tokens
 * in that session, exempts only login and launch from CSRF (state and nonce protect them), and sets
 * {@code frame-ancestors} per session ({@link FrameAncestors}). The application permits {@link #PUBLIC_PATHS}.
 */
public class LtiConfigurer extends AbstractHttpConfigurer<LtiConfigurer, HttpSecurity> {

    /** Paths anyone may reach: login, launch, the bridge pages' assets and the tool's keys. */
    public static final String[] PUBLIC_PATHS = {"/lti/**", JwksEndpointFilter.PATH};

    private String landingPath = "/";
    private String contentSecurityPolicy =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action *";

    public static LtiConfigurer lti() {
        return new LtiConfigurer();
    }

    /** Where a successful launch lands; rendered in the launch's own response. */
    public LtiConfigurer landingPath(String landingPath) {
        this.landingPath = landingPath;
        return this;
    }

    /** The policy the CSP header starts with; {@code frame-ancestors} is appended. */
    public LtiConfigurer contentSecurityPolicy(String policy) {
        this.contentSecurityPolicy = policy;
        return this;
    }

    @Override
    public void init(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        LtiSessions sessions = context.getBean(LtiSessions.class);
        // Sessions are the LTI layer's own (LtiSessions): no HTTP session is ever created or consulted.
        http.sessionManagement(AbstractHttpConfigurer::disable);
        http.securityContext(
                security -> security.securityContextRepository(new LtiSessionSecurityContextRepository(sessions)));
        http.requestCache(cache -> cache.disable());
        http.csrf(csrf -> csrf.csrfTokenRepository(new LtiSessionCsrfTokenRepository(sessions))
                // Cross-site POSTs from the platform: protected by state and nonce (Sec §7.3.1), not a CSRF token.
                .ignoringRequestMatchers(LoginInitiationFilter.PATH, LoginInitiationFilter.LAUNCH_PATH));
        http.headers(headers -> headers.frameOptions(frame -> frame.disable())
                // The tool's URLs carry ids (course, student, record), never tokens: other sites get the origin
                // only, and nothing over plain http. Not no-referrer: the origin is no secret, and under it
                // browsers send "Origin: null" with a cross-site form post to the LMS (Fetch standard).
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new ContentSecurityPolicyWriter(contentSecurityPolicy)));
    }

    @Override
    public void configure(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        LtiProperties properties = context.getBean(LtiProperties.class);
        Clock clock = context.getBean(Clock.class);
        PlatformRegistrations registrations = context.getBean(PlatformRegistrations.class);
        LoginStateStore states = context.getBean(LoginStateStore.class);
        BridgePages pages = context.getBean(BridgePages.class);
        LtiFailures failures = context.getBean(LtiFailures.class);
        ToolUrls toolUrls = new ToolUrls(properties.toolUrl());

        http.addFilterAfter(new JwksEndpointFilter(context.getBean(ToolKeys.class)), CsrfFilter.class);
        http.addFilterAfter(
                new LoginInitiationFilter(
                        registrations, states, toolUrls, pages, failures, clock, properties.stateTtl()),
                CsrfFilter.class);
        http.addFilterAfter(
                new LaunchFilter(
                        states,
                        registrations,
                        context.getBean(IdTokenValidator.class),
                        context.getBean(LtiLaunchListener.class),
                        context.getBean(LtiSessions.class),
                        context.getBean(FrameAncestors.class),
                        toolUrls,
                        pages,
                        failures,
                        clock,
                        properties.maxIdTokenLength(),
                        landingPath),
                CsrfFilter.class);
    }
}
