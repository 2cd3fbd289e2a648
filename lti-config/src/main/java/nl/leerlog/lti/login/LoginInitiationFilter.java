package nl.leerlog.lti.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.leerlog.lti.failure.LtiError;
import nl.leerlog.lti.failure.LtiFailures;
import nl.leerlog.lti.failure.LtiLaunchException;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.lti.registration.PlatformRegistrations;
import nl.leerlog.lti.session.LtiCookies;
import nl.leerlog.lti.session.SecureTokens;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OIDC third-party initiated login (Sec §5.1.1, Core §4.1): the platform sends the user here, the tool
 * makes a state and nonce bound to this browser and sends the user on to the platform's authorization
 * endpoint. Takes GET and POST from any site: state and nonce protect the flow, not a CSRF token.
 */
public class LoginInitiationFilter extends OncePerRequestFilter {

    public static final String PATH = "/lti/login";
    public static final String LAUNCH_PATH = "/lti/launch";
    /** Cookie name prefix for the state's browser binding; the state follows, so parallel logins do not clash. */
    public static final String BINDING_COOKIE_PREFIX = "lti_state_";

    static final String PROBE_COOKIE = "lti_cookie_probe";
    private static final Pattern FRAME_NAME = Pattern.compile("_parent|[A-Za-z0-9_.-]{1,64}");

    private final RequestMatcher matcher =
            PathPatternRequestMatcher.withDefaults().matcher(PATH);
    private final PlatformRegistrations registrations;
    private final LoginStateStore states;
    private final ToolUrls toolUrls;
    private final BridgePages pages;
    private final LtiFailures failures;
    private final Clock clock;
    private final Duration stateTtl;

    public LoginInitiationFilter(
            PlatformRegistrations registrations,
            LoginStateStore states,
            ToolUrls toolUrls,
            BridgePages pages,
            LtiFailures failures,
            Clock clock,
            Duration stateTtl) {
        this.registrations = registrations;
        this.states = states;
        this.toolUrls = toolUrls;
        this.pages = pages;
        this.failures = failures;
        this.clock = clock;
        this.stateTtl = stateTtl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!matcher.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"POST".equals(method)) {
            response.setHeader("Allow", "GET, POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        PlatformRegistration registration = null;
        try {
            String issuer = required(request, "iss");
            String loginHint = required(request, "login_hint");
            String targetLinkUri = required(request, "target_link_uri");
            registration = registration(issuer, request.getParameter("client_id"));
            // Sec §5.1.1.1: the tool only starts logins for its own URLs (no open redirect through the tool).
            if (!toolUrls.isOwn(targetLinkUri, request)) {
                throw new LtiLaunchException(LtiError.LOGIN_FOREIGN_TARGET, "target_link_uri " + targetLinkUri);
            }
            String storageTarget = request.getParameter("lti_storage_target");
            if (storageTarget != null && !FRAME_NAME.matcher(storageTarget).matches()) {
                storageTarget = null;
            }
            LoginState state = new LoginState(
                    SecureTokens.random(),
                    SecureTokens.random(),
                    SecureTokens.random(),
                    registration.id(),
                    targetLinkUri,
                    storageTarget,
                    ToolUrls.origin(registration.authorizationUri()),
                    clock.instant().plus(stateTtl));
            states.save(state);
            LtiCookies.set(response, BINDING_COOKIE_PREFIX + state.state(), state.browserBinding(), stateTtl, true);

            String authorizationUrl = authorizationUrl(request, registration, state, loginHint, targetLinkUri);
            if (storageTarget != null) {
                pages.storeInPlatformStorage(request, response, state, authorizationUrl);
            } else if ("iframe".equals(request.getHeader("Sec-Fetch-Dest"))) {
                // In a frame without platform storage, go on only when the frame keeps (partitioned) cookies.
                LtiCookies.set(response, PROBE_COOKIE, "1", Duration.ofMinutes(1), false);
                pages.checkCookies(request, response, authorizationUrl, newWindowUrl(request));
            } else {
                response.setHeader("Cache-Control", "no-store");
                response.sendRedirect(authorizationUrl);
            }
        } catch (LtiLaunchException e) {
            failures.report(request, response, e, registration == null ? null : registration.id(), null);
        }
    }

    private PlatformRegistration registration(String issuer, String clientId) {
        // Registrations are keyed by issuer + client id: Canvas uses one issuer for every school.
        if (clientId != null && !clientId.isBlank()) {
            return registrations
                    .find(issuer, clientId)
                    .orElseThrow(() -> new LtiLaunchException(
                            LtiError.LOGIN_UNKNOWN_PLATFORM, "no registration for " + issuer + " / " + clientId));
        }
        List<PlatformRegistration> candidates = registrations.findByIssuer(issuer);
        if (candidates.isEmpty()) {
            throw new LtiLaunchException(LtiError.LOGIN_UNKNOWN_PLATFORM, "no registration for issuer " + issuer);
        }
        if (candidates.size() > 1) {
            throw new LtiLaunchException(LtiError.LOGIN_AMBIGUOUS_PLATFORM, "issuer " + issuer + " without client_id");
        }
        return candidates.getFirst();
    }

    /** Sec §5.1.1.2: the authentication request, answered by a form POST of the id_token to the launch URL. */
    private String authorizationUrl(
            HttpServletRequest request,
            PlatformRegistration registration,
            LoginState state,
            String loginHint,
            String targetLinkUri) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("scope", "openid");
        query.put("response_type", "id_token");
        query.put("response_mode", "form_post");
        query.put("prompt", "none");
        query.put("client_id", registration.clientId());
        query.put("redirect_uri", ToolUrls.origin(URI.create(targetLinkUri)) + LAUNCH_PATH);
        query.put("login_hint", loginHint);
        query.put("state", state.state());
        query.put("nonce", state.nonce());
        String messageHint = request.getParameter("lti_message_hint");
        if (messageHint != null) {
            query.put("lti_message_hint", messageHint);
        }
        return withQuery(UriComponentsBuilder.fromUri(registration.authorizationUri()), query);
    }

    /** The same login request as a first-party GET, for a new window where cookies work. */
    private String newWindowUrl(HttpServletRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : List.of(
                "iss",
                "login_hint",
                "target_link_uri",
                "lti_message_hint",
                "client_id",
                "lti_deployment_id",
                "deployment_id")) {
            String value = request.getParameter(name);
            if (value != null) {
                query.put(name, value);
            }
        }
        return withQuery(UriComponentsBuilder.fromPath(PATH), query);
    }

    /** Adds parameters with every reserved character encoded (a '+' in a hint must not become a space). */
    private static String withQuery(UriComponentsBuilder url, Map<String, String> query) {
        query.keySet().forEach(name -> url.queryParam(name, "{" + name + "}"));
        return url.encode().buildAndExpand(query).toUriString();
    }

    private static String required(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new LtiLaunchException(LtiError.LOGIN_MISSING_PARAMETER, "missing " + name);
        }
        return value;
    }
}
