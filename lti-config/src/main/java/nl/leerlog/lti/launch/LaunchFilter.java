package nl.leerlog.lti.launch;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import nl.leerlog.lti.claims.LtiLaunch;
import nl.leerlog.lti.login.BridgePages;
import nl.leerlog.lti.login.LoginInitiationFilter;
import nl.leerlog.lti.login.LoginState;
import nl.leerlog.lti.login.LoginStateStore;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.lti.registration.PlatformRegistrations;
import nl.leerlog.lti.session.LtiCookies;
import nl.leerlog.lti.session.LtiSessions;
import nl.leerlog.lti.session.SecureTokens;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The launch (Sec §5.1.1.3-§5.1.3, Core §5.3): the platform form-posts the id_token and state here. The
 * state must be known, unexpired, bound to this browser and unused; the id_token must pass every check
 * of {@link IdTokenValidator}. Then a new session starts and the landing page is shown in this response.
 */
public class LaunchFilter extends OncePerRequestFilter {

    private final RequestMatcher matcher = PathPatternRequestMatcher.withDefaults().matcher(LoginInitiationFilter.LAUNCH_PATH);
    private final LoginStateStore states;
    private final PlatformRegistrations registrations;
    private final IdTokenValidator validator;
    private final LtiLaunchListener listener;
    private final LtiSessions sessions;
    private final BridgePages pages;
    private final LtiFailures failures;
    private final Clock clock;
    private final int maxIdTokenLength;
    private final String landingPath;

    public LaunchFilter(LoginStateStore states, PlatformRegistrations registrations, IdTokenValidator validator,
            LtiLaunchListener listener, LtiSessions sessions, BridgePages pages, LtiFailures failures, Clock clock,
            int maxIdTokenLength, String landingPath) {
        this.states = states;
        this.registrations = registrations;
        this.validator = validator;
        this.listener = listener;
        this.sessions = sessions;
        this.pages = pages;
        this.failures = failures;
        this.clock = clock;
        this.maxIdTokenLength = maxIdTokenLength;
        this.landingPath = landingPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!matcher.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String registrationId = null;
        String unverifiedClaims = null;
        try {
            // Sec §5.1.1.3 / OIDC form_post: the id_token arrives in a POSTed form, never in a URL.
            if (!"POST".equals(request.getMethod())) {
                throw new LtiLaunchException(LtiError.LAUNCH_NOT_POST, "method " + request.getMethod());
            }
            String idToken = request.getParameter("id_token");
            if (idToken == null || idToken.isBlank()) {
                throw new LtiLaunchException(LtiError.LAUNCH_MISSING_ID_TOKEN, "no id_token parameter");
            }
            if (idToken.length() > maxIdTokenLength) {
                throw new LtiLaunchException(LtiError.LAUNCH_TOKEN_TOO_LARGE, idToken.length() + " characters");
            }
            SignedJWT jwt = IdTokenValidator.parse(idToken);
            unverifiedClaims = jwt.getPayload().toString();

            LoginState state = boundState(request, response, idToken);
            if (state == null) {
                return; // the platform storage page asks for the binding and posts again
            }
            registrationId = state.registrationId();
            // Single use, on every instance: consume atomically before anything else can.
            if (states.consume(state.state()).isEmpty()) {
                throw new LtiLaunchException(LtiError.STATE_UNKNOWN, "state used by a concurrent launch");
            }
            LtiCookies.clear(response, LoginInitiationFilter.BINDING_COOKIE_PREFIX + state.state());
            PlatformRegistration registration = registration(state);
            LtiLaunch launch = validator.validate(jwt, state, registration);
            LaunchGrant grant = listener.onLaunch(launch);

            LtiSessions.Resolved session = sessions.start(request, response, launch, grant);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(session.authentication());
            SecurityContextHolder.setContext(context);
            response.setHeader("Cache-Control", "no-store");
            request.getRequestDispatcher(landingPath).forward(new AsGet(request), response);
        } catch (LtiLaunchException e) {
            // A refused launch leaves no session behind, not even one from an earlier launch in this browser.
            SecurityContextHolder.clearContext();
            sessions.end(request, response);
            failures.report(request, response, e, registrationId, unverifiedClaims);
        }
    }

    /**
     * The login state of this launch, checked to belong to this browser (Sec §7.3.1): by the binding cookie,
     * or by the binding read back from platform storage. Returns {@code null} when the platform storage page
     * has been sent to fetch the binding first.
     */
    private LoginState boundState(HttpServletRequest request, HttpServletResponse response, String idToken)
            throws IOException {
        String stateParam = request.getParameter("state");
        if (stateParam == null || stateParam.isBlank()) {
            throw new LtiLaunchException(LtiError.STATE_MISSING, "no state parameter");
        }
        LoginState state = states.find(stateParam).orElseThrow(() ->
                new LtiLaunchException(LtiError.STATE_UNKNOWN, "state not found (unknown or already used)"));
        if (state.isExpired(clock.instant())) {
            states.consume(state.state());
            throw new LtiLaunchException(LtiError.STATE_EXPIRED, "state expired at " + state.expiresAt());
        }
        String cookie = LtiCookies.read(request, LoginInitiationFilter.BINDING_COOKIE_PREFIX + state.state());
        if (SecureTokens.same(cookie, state.browserBinding())) {
            return state;
        }
        String fromStorage = request.getParameter("lti_storage_binding");
        if (SecureTokens.same(fromStorage, state.browserBinding())) {
            return state;
        }
        if (state.storageTarget() != null && request.getParameter("lti_storage_attempted") == null) {
            pages.fetchFromPlatformStorage(request, response, state, idToken);
            return null;
        }
        throw new LtiLaunchException(LtiError.STATE_FOREIGN_BROWSER,
                cookie == null && fromStorage == null ? "no binding cookie and no platform storage binding"
                        : "binding does not match");
    }

    private PlatformRegistration registration(LoginState state) {
        String id = state.registrationId();
        int split = id.indexOf('#'); // an OIDC issuer has no fragment
        return registrations.find(id.substring(0, split), id.substring(split + 1)).orElseThrow(() ->
                new LtiLaunchException(LtiError.LOGIN_UNKNOWN_PLATFORM, "registration " + id + " was removed"));
    }

    /** The landing page renders in the launch's response, as the GET it stands for. */
    private static final class AsGet extends HttpServletRequestWrapper {
        AsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }
}
