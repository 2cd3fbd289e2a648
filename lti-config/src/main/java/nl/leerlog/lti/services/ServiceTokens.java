package nl.leerlog.lti.services;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import nl.leerlog.lti.http.PlatformRequest;
import nl.leerlog.lti.http.PlatformResponse;
import nl.leerlog.lti.keys.ToolKeys;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.lti.registration.RegistrationKey;

/**
 * Access tokens for the LTI Advantage services, by the client-credentials grant with a signed JWT assertion
 * (Sec §4.1). A token is kept per registration and scope set and used until shortly before it expires, so a
 * roster read of many pages, or many reads in a row, cost one token request. One request at a time per
 * registration and scope set: concurrent callers wait for the token the first one fetches.
 */
public class ServiceTokens {

    private final ToolKeys keys;
    private final ServiceCalls calls;
    private final Clock clock;
    private final ServiceCallSettings settings;
    private final Map<TokenKey, AccessToken> cache = new ConcurrentHashMap<>();
    private final Map<TokenKey, ReentrantLock> locks = new ConcurrentHashMap<>();

    public ServiceTokens(ToolKeys keys, ServiceCalls calls, Clock clock, ServiceCallSettings settings) {
        this.keys = keys;
        this.calls = calls;
        this.clock = clock;
        this.settings = settings;
    }

    private record TokenKey(RegistrationKey registration, String tokenUri, String scope) {}

    /**
     * A token for these scopes: the cached one while it has more than the renewal margin left, else a new one.
     *
     * @throws ServiceCallException when the registration has no token URL, the platform refuses (4xx; e.g. the
     *         scope is not enabled on the developer key), or stays unavailable after every attempt
     */
    public AccessToken token(PlatformRegistration registration, Set<String> scopes) {
        if (registration.tokenUri() == null) {
            throw new ServiceCallException(
                    registration.id(),
                    0,
                    "registration " + registration.id()
                            + " has no token URL, so the tool cannot call the platform's services");
        }
        TokenKey key = key(registration, scopes);
        AccessToken cached = cache.get(key);
        if (cached != null && cached.usableAt(clock.instant(), settings.tokenRenewalMargin())) {
            return cached;
        }
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            cached = cache.get(key);
            if (cached != null && cached.usableAt(clock.instant(), settings.tokenRenewalMargin())) {
                return cached; // another caller fetched it while this one waited
            }
            AccessToken fresh = request(registration, scopes);
            cache.put(key, fresh);
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops a token the platform no longer accepts (it answered 401), so the next {@link #token} asks for a new
     * one. A newer token another caller fetched meanwhile is kept.
     */
    public void forget(PlatformRegistration registration, AccessToken token) {
        cache.remove(key(registration, token.scopes()), token);
    }

    private static TokenKey key(PlatformRegistration registration, Set<String> scopes) {
        return new TokenKey(registration.id(), String.valueOf(registration.tokenUri()), scopeParameter(scopes));
    }

    private static String scopeParameter(Set<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }

    private AccessToken request(PlatformRegistration registration, Set<String> scopes) {
        Instant now = clock.instant();
        Map<String, String> form = new LinkedHashMap<>();
        // Sec §4.1: the client-credentials grant, authenticated by a JWT signed with the tool's key.
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", ClientAssertion.TYPE);
        form.put(
                "client_assertion",
                ClientAssertion.sign(registration, keys.signingKey(), now, settings.assertionLifetime()));
        form.put("scope", scopeParameter(scopes));
        PlatformRequest request = PlatformRequest.post(
                        registration.tokenUri(),
                        "application/x-www-form-urlencoded",
                        formBody(form).getBytes(StandardCharsets.UTF_8))
                .withPurpose("token")
                .withHeader("Accept", "application/json");
        PlatformResponse response = calls.send(request, registration, "token request");
        if (response.status() != 200) {
            throw new ServiceCallException(
                    registration.id(),
                    response.status(),
                    "the token endpoint "
                            + registration.tokenUri() + " of registration " + registration.id()
                            + " refused the token request"
                            + " for scope '" + scopeParameter(scopes) + "' with HTTP " + response.status()
                            + oauthError(response.text()));
        }
        return parse(registration, scopes, response.text(), now);
    }

    /** RFC 6749 §5.1: {@code access_token}, {@code token_type} Bearer, {@code expires_in} in seconds. */
    private static AccessToken parse(PlatformRegistration registration, Set<String> scopes, String body, Instant now) {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(body);
            String value = JSONObjectUtils.getString(json, "access_token");
            String type = JSONObjectUtils.getString(json, "token_type");
            if (value == null || value.isBlank() || type == null || !type.equalsIgnoreCase("Bearer")) {
                throw new ServiceCallException(
                        registration.id(),
                        200,
                        "the token endpoint of registration " + registration.id()
                                + " answered without a bearer access_token");
            }
            // Without expires_in the token's life is unknown: use it for this call only.
            long expiresIn = json.get("expires_in") instanceof Number seconds ? seconds.longValue() : 0;
            return new AccessToken(value, scopes, now.plusSeconds(Math.max(0, expiresIn)));
        } catch (ParseException e) {
            throw new ServiceCallException(
                    registration.id(),
                    "the token endpoint of registration " + registration.id()
                            + " answered with something other than a token response",
                    e);
        }
    }

    /** The OAuth {@code error} (and description) of a refusal, which tells an admin what to fix. */
    private static String oauthError(String body) {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(body);
            String error = JSONObjectUtils.getString(json, "error");
            String description = JSONObjectUtils.getString(json, "error_description");
            if (error == null) {
                return "";
            }
            String detail = ": " + error + (description == null ? "" : " (" + description + ")");
            return detail.length() > 300 ? detail.substring(0, 300) + "…" : detail;
        } catch (ParseException notJson) {
            return ""; // an HTML error page or the like: the status says enough
        }
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
