package nl.leerlog.lti.launch;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import nl.leerlog.lti.claims.LtiLaunch;
import nl.leerlog.lti.failure.LtiError;
import nl.leerlog.lti.failure.LtiFailures;
import nl.leerlog.lti.failure.LtiLaunchException;
import nl.leerlog.lti.login.BridgePages;
import nl.leerlog.lti.login.LoginInitiationFilter;
import nl.leerlog.lti.login.LoginState;
import nl.leerlog.lti.login.LoginStateStore;
import nl.leerlog.lti.login.ToolUrls;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.lti.registration.PlatformRegistrations;
import nl.leerlog.lti.registration.RegistrationKey;
import nl.leerlog.lti.session.LaunchGrant;
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
 * of {@link IdTokenValidator}. Then a new session starts, and the browser is sent to the landing page (or, when
 * the frame keeps no cookies, shown it in this response).
 */
public class LaunchFilter extends OncePerRequestFilter {

    private final RequestMatcher matcher =
            PathPatternRequestMatcher.withDefaults().matcher(LoginInitiationFilter.LAUNCH_PATH);
    private final LoginStateStore states;
    private final PlatformRegistrations registrations;
    private final IdTokenValidator validator;
    private final LtiLaunchListener listener;
    private final LtiSessions sessions;
    private final FrameAncestors frameAncestors;
    private final ToolUrls toolUrls;
    private final BridgePages pages;
    private final LtiFailures failures;
    private final Clock clock;
    private final int maxIdTokenLength;
    private final String landingPath;

    public LaunchFilter(
            LoginStateStore states,
            PlatformRegistrations registrations,
            IdTokenValidator validator,
            LtiLaunchListener listener,
            LtiSessions sessions,
            FrameAncestors frameAncestors,
            ToolUrls toolUrls,
            BridgePages pages,
            LtiFailures failures,
            Clock clock,
            int maxIdTokenLength,
            String landingPath) {
        this.states = states;
        this.registrations = registrations;
        this.validator = validator;
        this.listener = listener;
        this.sessions = sessions;
        this.frameAncestors = frameAncestors;
        this.toolUrls = toolUrls;
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
        RegistrationKey registrationKey = null;
        String unverifiedClaims = null;
        Binding binding = null;
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

            binding = consumeBoundState(request, response, idToken);
            if (binding == null) {
                return; // the platform storage page asks for the binding and posts again
            }
            LoginState state = binding.state();
            registrationKey = state.registration();
            LtiCookies.clear(response, LoginInitiationFilter.BINDING_COOKIE_PREFIX + state.state());
            PlatformRegistration registration = registration(state);
            LtiLaunch launch = validator.validate(jwt, state, registration);
            LaunchGrant grant = listener.onLaunch(launch);

            LtiSessions.Resolved session =
                    sessions.start(request, response, launch, grant, frameAncestors.forLaunch(registration, launch));
            response.setHeader("Cache-Control", "no-store");
            String landing = grant.landingPath() != null ? grant.landingPath() : landingPath;
            if (binding.byCookie()) {
                // The frame keeps cookies, so the session cookie carries the landing page's GET (and a reload).
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", landing);
                return;
            }
            // Without cookies only this response can hand the page its session token: render the landing here.
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(session.authentication());
            SecurityContextHolder.setContext(context);
            request.getRequestDispatcher(landing).forward(new AsGet(request), response);
        } catch (LtiLaunchException e) {
            SecurityContextHolder.clearContext();
            if (binding != null) {
                // This browser started the refused launch: whoever launched before in it is not the user now.
                // A launch this browser did not start (a GET, a forged or foreign token) leaves its session alone.
                sessions.end(request, response);
            }
            failures.report(request, response, e, registrationKey, unverifiedClaims);
        }
    }

    /** A login state, used up, and how this browser proved it started the login. */
    private record Binding(LoginState state, boolean byCookie) {}

    /**
     * Consumes the login state of this launch once it is proven to belong to this browser (Sec §7.3.1): by the
     * binding cookie, or by the binding read back from platform storage by the tool's own page. Returns
     * {@code null} when the platform storage page has been sent to fetch the binding first.
     */
    private Binding consumeBoundState(HttpServletRequest request, HttpServletResponse response, String idToken)
            throws IOException {
        String stateParam = request.getParameter("state");
        if (stateParam == null || stateParam.isBlank()) {
            throw new LtiLaunchException(LtiError.STATE_MISSING, "no state parameter");
        }
        String cookie = LtiCookies.read(request, LoginInitiationFilter.BINDING_COOKIE_PREFIX + stateParam);
        if (cookie != null) {
            // Single use, on every instance: one statement finds, checks the binding and consumes.
            Optional<LoginState> consumed = states.consumeBound(stateParam, cookie);
            if (consumed.isPresent()) {
                return new Binding(unexpired(consumed.get(), false), true);
            }
        }
        LoginState state = states.find(stateParam)
                .orElseThrow(() ->
                        new LtiLaunchException(LtiError.STATE_UNKNOWN, "state not found (unknown or already used)"));
        unexpired(state, true);
        if (cookie != null) {
            throw new LtiLaunchException(LtiError.STATE_FOREIGN_BROWSER, "binding cookie does not match");
        }
        if (state.storageTarget() == null) {
            // A login that did not use platform storage is bound by its cookie only.
            throw new LtiLaunchException(LtiError.STATE_FOREIGN_BROWSER, "no binding cookie");
        }
        String fromStorage = request.getParameter("lti_storage_binding");
        if (request.getParameter("lti_storage_attempted") == null) {
            if (fromStorage != null) {
                throw new LtiLaunchException(
                        LtiError.STATE_BINDING_NOT_FROM_TOOL, "binding without the storage marker");
            }
            pages.fetchFromPlatformStorage(request, response, state, idToken);
            return null;
        }
        // The binding field is only believed from the tool's own platform-storage page, which read it from the
        // platform's frame by postMessage; a form posted from any other site could sign this browser into
        // someone else's launch (login CSRF).
        if (!postedByToolPage(request)) {
            throw new LtiLaunchException(
                    LtiError.STATE_BINDING_NOT_FROM_TOOL,
                    "Origin " + request.getHeader("Origin") + ", Sec-Fetch-Site "
                            + request.getHeader("Sec-Fetch-Site"));
        }
        if (!SecureTokens.same(fromStorage, state.browserBinding())) {
            throw new LtiLaunchException(
                    LtiError.STATE_FOREIGN_BROWSER,
                    fromStorage == null || fromStorage.isEmpty()
                            ? "platform storage had no binding"
                            : "binding does not match");
        }
        LoginState consumed = states.consume(state.state())
                .orElseThrow(() -> new LtiLaunchException(LtiError.STATE_UNKNOWN, "state used by a concurrent launch"));
        return new Binding(consumed, false);
    }

    /** A form POST from a page of this tool's own origin (Fetch Metadata, else the Origin header); never assumed. */
    private boolean postedByToolPage(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return "same-origin".equals(site);
        }
        String origin = request.getHeader("Origin");
        return origin != null && origin.equalsIgnoreCase(toolUrls.origin(request));
    }

    /** The state, unless it expired; an expired state that is still stored is used up, so it cannot come back. */
    private LoginState unexpired(LoginState state, boolean stillStored) {
        if (state.isExpired(clock.instant())) {
            if (stillStored) {
                states.consume(state.state());
            }
            throw new LtiLaunchException(LtiError.STATE_EXPIRED, "state expired at " + state.expiresAt());
        }
        return state;
    }

    private PlatformRegistration registration(LoginState state) {
        RegistrationKey key = state.registration();
        return registrations
                .find(key.issuer(), key.clientId())
                .orElseThrow(() -> new LtiLaunchException(
                        LtiError.LOGIN_UNKNOWN_PLATFORM, "registration " + key + " was removed"));
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
