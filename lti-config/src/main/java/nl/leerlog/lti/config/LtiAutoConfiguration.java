package nl.leerlog.lti.config;

import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import nl.leerlog.lti.failure.LtiFailureHandler;
import nl.leerlog.lti.failure.LtiFailures;
import nl.leerlog.lti.failure.PlainFailurePage;
import nl.leerlog.lti.http.AddressPolicy;
import nl.leerlog.lti.http.PlatformHttp;
import nl.leerlog.lti.http.PlatformHttpSettings;
import nl.leerlog.lti.http.PublicAddressGuard;
import nl.leerlog.lti.keys.GeneratedToolKeys;
import nl.leerlog.lti.keys.ToolKeys;
import nl.leerlog.lti.launch.FrameAncestors;
import nl.leerlog.lti.launch.IdTokenValidator;
import nl.leerlog.lti.launch.LtiLaunchListener;
import nl.leerlog.lti.launch.PlatformKeys;
import nl.leerlog.lti.login.BridgePages;
import nl.leerlog.lti.login.InMemoryLoginStateStore;
import nl.leerlog.lti.login.LoginStateStore;
import nl.leerlog.lti.registration.PlatformRegistrations;
import nl.leerlog.lti.registration.StaticPlatformRegistrations;
import nl.leerlog.lti.services.NamesRoleService;
import nl.leerlog.lti.services.ServiceCallSettings;
import nl.leerlog.lti.services.ServiceCalls;
import nl.leerlog.lti.services.ServiceTokens;
import nl.leerlog.lti.session.InMemoryLtiSessionStore;
import nl.leerlog.lti.session.LtiSessionStore;
import nl.leerlog.lti.session.LtiSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The LTI layer's parts, each replaceable by an application bean of the same type: registrations from
 * {@code lti.platforms[N]} properties, in-memory login states and sessions (one instance only), and a key
 * generated at start-up. A production application provides database-backed ones. Every call to a platform goes
 * through the one {@link PlatformHttp}, which calls public https hosts only unless
 * {@code lti.platform-http.allow-private-hosts} (development).
 */
@AutoConfiguration
@EnableConfigurationProperties({LtiProperties.class, ServiceCallSettings.class, PlatformHttpSettings.class})
public class LtiAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LtiAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    PlatformRegistrations platformRegistrations(LtiProperties properties) {
        return new StaticPlatformRegistrations(properties.registrations());
    }

    @Bean
    @ConditionalOnMissingBean
    LoginStateStore loginStateStore() {
        return new InMemoryLoginStateStore();
    }

    @Bean
    @ConditionalOnMissingBean
    LtiSessionStore ltiSessionStore() {
        return new InMemoryLtiSessionStore();
    }

    @Bean
    @ConditionalOnMissingBean
    ToolKeys toolKeys() {
        return new GeneratedToolKeys();
    }

    @Bean
    @ConditionalOnMissingBean
    LtiLaunchListener ltiLaunchListener() {
        return LtiLaunchListener.rolesAsAuthorities();
    }

    @Bean
    @ConditionalOnMissingBean
    LtiFailureHandler ltiFailureHandler(ApplicationContext context) {
        return new PlainFailurePage(context);
    }

    @Bean
    @ConditionalOnMissingBean
    PlatformKeys platformKeys(PlatformHttp http, LtiProperties properties) {
        return new PlatformKeys(http, properties.jwksMinRefetchInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    IdTokenValidator idTokenValidator(PlatformKeys platformKeys, Clock clock, LtiProperties properties) {
        return new IdTokenValidator(platformKeys, clock, properties.clockSkew());
    }

    @Bean
    @ConditionalOnMissingBean
    LtiSessions ltiSessions(LtiSessionStore store, Clock clock, LtiProperties properties) {
        return new LtiSessions(
                store, clock, properties.sessionTtl(), properties.sessionMaxLifetime(), properties.sessionCacheTtl());
    }

    @Bean
    @ConditionalOnMissingBean
    FrameAncestors frameAncestors(LtiProperties properties) {
        return new FrameAncestors(properties.frameAncestors());
    }

    @Bean
    @ConditionalOnMissingBean
    BridgePages ltiBridgePages(ApplicationContext context) {
        return new BridgePages(context);
    }

    @Bean
    @ConditionalOnMissingBean
    LtiFailures ltiFailures(LtiFailureHandler handler, ApplicationContext context, Clock clock) {
        return new LtiFailures(handler, context, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    AddressPolicy ltiAddressPolicy(PlatformHttpSettings settings) {
        if (settings.allowPrivateHosts()) {
            log.warn("lti.platform-http.allow-private-hosts is on: platform calls may reach private addresses and "
                    + "plain http. For development only.");
        }
        return new PublicAddressGuard(settings.allowPrivateHosts());
    }

    @Bean
    @ConditionalOnMissingBean
    PlatformHttp ltiPlatformHttp(
            AddressPolicy policy, PlatformHttpSettings settings, ObjectProvider<ObservationRegistry> observations) {
        return new PlatformHttp(policy, settings, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceCalls ltiServiceCalls(PlatformHttp http, ServiceCallSettings settings) {
        return new ServiceCalls(http, settings);
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceTokens ltiServiceTokens(ToolKeys keys, ServiceCalls calls, Clock clock, ServiceCallSettings settings) {
        return new ServiceTokens(keys, calls, clock, settings);
    }

    @Bean
    @ConditionalOnMissingBean
    NamesRoleService ltiNamesRoleService(ServiceTokens tokens, ServiceCalls calls, ServiceCallSettings settings) {
        return new NamesRoleService(tokens, calls, settings);
    }
}
